// `node tests/semver_subsets.mjs '[["^24.0.0", ">=18"], ...]'`: for each pair of npm version ranges
// [a, b], whether every version a allows, b allows too (npm's own semver package decides).
import semver from "semver";

const pairs = JSON.parse(process.argv[2]);
console.log(JSON.stringify(pairs.map(([inner, outer]) => semver.subset(inner, outer))));
