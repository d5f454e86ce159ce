"""What a cell does to its page's namespace, read from its code with `ast`: CellEffects.

A page's cells share one namespace, like a notebook's. To run one cell without running every
cell above it, we need to know what each cell takes from the namespace and what it leaves there:

    defines    names it binds at its top level (=, def, class, import, for, with, del, :=), with
               what kind of object each holds: a function, class, module or constant cannot be
               changed by passing it to a function; a value can
    reads      names it reads that it did not bind itself first: in its own statements, and the
               free names of the functions, lambdas, classes and comprehensions it has (they
               are read when those run)
    mutates    names of objects it changes in place: an attribute or item assigned (`net.W = ..`,
               `A[0] = ..`, `A += ..`), or a method called (`net.train()`; `net.forward(X)` too:
               layers keep the input they saw, for the backward pass)
    passes     values handed to a function that may change them (`train(net, X, Y)`); builtins
               and numpy or matplotlib functions, which leave their arguments alone, excepted
    barrier    why the analysis cannot follow the cell, if it cannot: `global`, `exec`, `eval`,
               `globals()`, a star import, a change to an attribute of a module or of something
               imported (`backprop.Dense.forward = ...`), a call that changes a library's
               settings (`np.set_printoptions`, `plt.rcParams[...] = ...`). Such a cell needs
               every cell above it, and every cell below it needs it.

A library's hidden state is a name of its own: `np.random.seed(0)` defines "<numpy.random>", and
`np.random.normal()` reads and changes it (it draws from it). A name bound by an import in an
earlier cell is passed in as `context` ({"np": Binding(MODULE, "numpy")}), so that
`np.random.seed` is known for what it is wherever `np` was imported; a function defined on the
page is read for the arguments it changes.

notebook_cell.page_plan turns the effects of a page's cells into what a cell needs; the build
proves it for every cell of the book. Standard library only: it runs at build time and in the
browser's worker.
"""

from __future__ import annotations

import ast
import builtins
import functools
from dataclasses import dataclass, field

FUNCTION, CONSTANT, MODULE, IMPORTED = "function", "constant", "module", "imported"
LIBRARY_VALUE, VALUE = "library value", "value"
UNCHANGEABLE = frozenset({FUNCTION, CONSTANT, MODULE, IMPORTED})


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PURE_BUILTINS = words("""
    abs all any ascii bin bool bytes callable chr complex dict dir divmod enumerate filter float
    format frozenset getattr hasattr hash hex id int isinstance issubclass iter len list map max
    min next oct ord pow print range repr reversed round set slice sorted str sum tuple type zip
""")
# Calls that act on the namespace itself, or on anything at all.
UNFOLLOWABLE_CALLS = words("exec eval globals locals vars __import__ setattr delattr compile")
# Libraries whose functions leave their arguments alone, and whose objects' methods leave their
# arguments alone too (they may change the object itself: `A.sort()`).
PURE_LIBRARIES = tuple(
    sorted(
        words("""
    numpy math cmath statistics matplotlib itertools functools operator json time collections
    string textwrap decimal fractions
""")
    )
)
# The book's module: its functions leave their arguments alone, except these (training changes
# the network; `accuracy` runs a forward pass, which leaves the layers' caches set), given with
# their positional parameters and the ones they change. Its objects' methods may change their
# arguments (`optimizer.step(network)`). tests/notebook_cell checks the list against backprop.
BOOK_MODULE = "backprop"
BOOK_FUNCTIONS_THAT_CHANGE_ARGUMENTS = {
    "backprop.fit": (("network", "loss", "X", "y"), {"network", "optimizer"}),
    "backprop.train_step": (("network", "loss", "X", "y", "optimizer"), {"network", "optimizer"}),
    "backprop.accuracy": (("network", "X", "y"), {"network"}),
    "backprop.gradient_check": (("network", "loss", "X", "y", "h"), {"network"}),
}
# Library calls (a qualified name, or a prefix of one) that change settings every later cell sees.
LIBRARY_SETTINGS = tuple(
    sorted(
        words("""
    numpy.set_printoptions numpy.seterr numpy.setbufsize numpy.random.set_state random.setstate
    matplotlib.use matplotlib.rc matplotlib.pyplot.rc matplotlib.style matplotlib.pyplot.style
    matplotlib.rcdefaults matplotlib.pyplot.rcdefaults warnings.filterwarnings
    warnings.simplefilter sys.setrecursionlimit importlib.reload
""")
    )
)
# Hidden random state: its seeding functions, and what makes an independent generator instead.
RANDOM_STATES = {
    "numpy.random": (
        words("numpy.random.seed"),
        words("default_rng Generator PCG64 SeedSequence RandomState MT19937 Philox SFC64"),
    ),
    "random": (words("random.seed"), words("Random SystemRandom")),
}
# Library functions that change their first argument in place.
MUTATING_LIBRARY_FUNCTIONS = words("""
    numpy.random.shuffle numpy.copyto numpy.put numpy.place numpy.putmask numpy.fill_diagonal
    random.shuffle
""")
# Methods that only read their object (numpy arrays, lists, dicts, strings; `value` and
# `gradient` of backprop's losses and surfaces): a call is no change.
READING_METHODS = words("""
    all any argmax argmin argsort astype conj copy count cumprod cumsum diagonal dot endswith
    flatten format get index item items join keys lower max mean min nonzero prod ravel repeat
    reshape round split squeeze startswith std strip sum swapaxes take tobytes tolist trace
    transpose upper values var value gradient
""")
BUILTIN_NAMES = frozenset(dir(builtins))
SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
COMPREHENSIONS = (ast.GeneratorExp, ast.ListComp, ast.SetComp, ast.DictComp)
ANY = "*"  # in Binding.changes: the function may change any argument it is given


@dataclass(frozen=True)
class Binding:
    """What a name holds, as far as the analysis can tell."""

    kind: str  # FUNCTION, CONSTANT, MODULE, IMPORTED, LIBRARY_VALUE or VALUE
    qualified: str = ""  # for an import: "numpy", "backprop.Dense"
    # For a function defined on the page: its parameters, those it may change (ANY: any), and
    # why calling it cannot be followed, if it cannot (it changes a library, say).
    parameters: tuple[str, ...] = ()
    changes: frozenset[str] = frozenset()
    untraceable: str = ""
    reads: frozenset[str] = frozenset()  # the page's names its body reads when it is called
    mutates: frozenset[str] = frozenset()  # the page's names its body changes when called


@dataclass(frozen=True)
class CellEffects:
    defines: dict[str, Binding] = field(default_factory=dict)
    reads: frozenset[str] = frozenset()
    mutates: frozenset[str] = frozenset()  # each also read: a change starts from the value
    barrier: str = ""  # why the analysis gives up on this cell ("": it does not)


def cell_effects(code: str, context: dict[str, Binding] | None = None) -> CellEffects:
    """The effects of a cell's code. Code that does not parse has none: it can only raise.

    context: what the names bound by earlier cells hold ({"np": Binding(MODULE, "numpy")}).
    """
    return _cached_effects(code, tuple(sorted((context or {}).items())))


@functools.lru_cache(maxsize=2048)
def _cached_effects(code: str, context: tuple[tuple[str, Binding], ...]) -> CellEffects:
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return CellEffects()
    return _CellReader(dict(context)).read(tree)


class _CellReader:
    """Walks a cell's top-level statements in order, keeping Python's scopes."""

    def __init__(self, context: dict[str, Binding]) -> None:
        self.context = context  # earlier cells' names
        self.defined: dict[str, Binding] = {}
        self.reads: set[str] = set()
        self.mutates: set[str] = set()
        self.barrier = ""

    def read(self, tree: ast.Module) -> CellEffects:
        self.block(tree.body)
        return CellEffects(
            dict(self.defined),
            frozenset(self.reads),
            frozenset(self.mutates - set(self.defined)),
            self.barrier,
        )

    def give_up(self, why: str) -> None:
        self.barrier = self.barrier or why

    def binding(self, name: str) -> Binding:
        return self.defined.get(name) or self.context.get(name) or Binding(VALUE)

    # Statements, in order ----------------------------------------------------------------------

    def block(self, statements: list[ast.stmt]) -> None:
        for statement in statements:
            self.statement(statement)

    def statement(self, node: ast.stmt) -> None:  # noqa: C901 - one branch per kind of statement
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            for expression in _evaluated_at_definition(node):
                self.expression(expression)
            self.bind(node.name, self.function_binding(node))
            self.nested_scope(node)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            self.imports(node)
        elif isinstance(node, ast.Global | ast.Nonlocal):
            self.give_up("it declares `global` names")
        elif isinstance(node, ast.Assign):
            self.expression(node.value)
            for target in node.targets:
                self.target(target, self.kind_of(node.value))
        elif isinstance(node, ast.AnnAssign):
            if node.value is not None:
                self.expression(node.value)
                self.target(node.target, self.kind_of(node.value))
        elif isinstance(node, ast.AugAssign):
            self.expression(node.value)
            self.changed(node.target)
        elif isinstance(node, ast.Delete):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.bind(target.id, Binding(VALUE))
                else:
                    self.changed(target)
        elif isinstance(node, ast.For | ast.AsyncFor):
            self.expression(node.iter)
            self.target(node.target, VALUE)
            self.block(node.body + node.orelse)
        elif isinstance(node, ast.With | ast.AsyncWith):
            for item in node.items:
                self.expression(item.context_expr)
                if item.optional_vars is not None:
                    self.target(item.optional_vars, VALUE)
            self.block(node.body)
        elif isinstance(node, ast.If | ast.While):
            self.expression(node.test)
            self.block(node.body + node.orelse)
        elif isinstance(node, ast.Try | ast.TryStar):
            self.block(node.body)
            for handler in node.handlers:
                if handler.type is not None:
                    self.expression(handler.type)
                if handler.name:
                    self.bind(handler.name, Binding(VALUE))
                self.block(handler.body)
            self.block(node.orelse + node.finalbody)
        elif isinstance(node, ast.Match):
            self.expression(node.subject)
            for case in node.cases:
                self.match_case(case)
        else:  # an expression, return, raise, assert, pass, break or continue
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.expr):
                    self.expression(child)

    def match_case(self, case: ast.match_case) -> None:
        for child in ast.walk(case.pattern):
            for name in (getattr(child, "name", None), getattr(child, "rest", None)):
                if isinstance(name, str):
                    self.bind(name, Binding(VALUE))
            if isinstance(child, ast.expr):
                self.expression(child)
        if case.guard is not None:
            self.expression(case.guard)
        self.block(case.body)

    def bind(self, name: str, binding: Binding) -> None:
        self.defined[name] = binding

    def imports(self, node: ast.Import | ast.ImportFrom) -> None:
        for alias in node.names:
            if alias.name == "*":
                self.give_up("it imports `*`")
            elif isinstance(node, ast.Import):
                name = alias.asname or alias.name.partition(".")[0]
                self.bind(name, Binding(MODULE, alias.name if alias.asname else name))
            else:
                qualified = f"{node.module or ''}.{alias.name}".lstrip(".")
                self.bind(alias.asname or alias.name, Binding(IMPORTED, qualified))

    def target(self, target: ast.expr, kind: str) -> None:
        """An assignment's target: a name is bound; an attribute or an item is changed."""
        if isinstance(target, ast.Name):
            self.bind(target.id, Binding(kind))
        elif isinstance(target, ast.Tuple | ast.List):
            for element in target.elts:
                self.target(element, LIBRARY_VALUE if kind == LIBRARY_VALUE else VALUE)
        elif isinstance(target, ast.Starred):
            self.target(target.value, VALUE)
        else:
            self.changed(target)

    def changed(self, target: ast.expr) -> None:
        """`target` (a name, attribute or item) is changed in place: its object is read first."""
        self.expression(_loaded(target))
        root = _root_name(target)
        if root is None:
            return
        if self.binding(root).kind in (MODULE, IMPORTED):
            self.give_up(f"it changes `{_dotted(target) or root}`, which belongs to a library")
        else:
            self.mutates.add(root)

    def kind_of(self, value: ast.expr | None) -> str:
        """What an assigned value is: lambdas and literals cannot be changed by a function; what
        numpy or matplotlib return has methods that leave their arguments alone."""
        if isinstance(value, ast.Lambda):
            return FUNCTION
        if isinstance(value, ast.Constant):
            return CONSTANT
        if isinstance(value, ast.Call):
            qualified = self.qualified_name(value.func)
            if qualified and qualified.startswith(tuple(f"{lib}." for lib in PURE_LIBRARIES)):
                return LIBRARY_VALUE
        return VALUE

    # Expressions ------------------------------------------------------------------------------

    def expression(self, node: ast.expr) -> None:
        for child in _walk_this_scope(node):
            if isinstance(child, ast.Name) and isinstance(child.ctx, ast.Load):
                if child.id not in self.defined:
                    self.reads.add(child.id)
            elif isinstance(child, ast.NamedExpr):
                self.bind(child.target.id, Binding(self.kind_of(child.value)))
            elif isinstance(child, (ast.Lambda, *COMPREHENSIONS)):
                self.nested_scope(child)
            elif isinstance(child, ast.Call):
                self.call(child)

    def nested_scope(self, scope: ast.AST) -> None:
        """A function, lambda, class or comprehension reads the names it does not bind when it
        runs (names the cell binds anywhere are the cell's own); a comprehension runs now, so its
        calls are the cell's."""
        for name in _free_names(scope):
            if name not in self.defined:
                self.reads.add(name)
        if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef):
            return  # what calling it does, its binding says (function_binding)
        for child in ast.walk(scope):
            if isinstance(child, ast.Global | ast.Nonlocal):
                self.give_up("it declares `global` names")
            elif isinstance(child, ast.Call):
                callee = _callee_name(child)
                if callee in UNFOLLOWABLE_CALLS and callee not in self.defined:
                    self.give_up(f"it calls `{callee}`")
                elif isinstance(scope, COMPREHENSIONS):
                    self.call(child)

    def function_binding(self, node) -> Binding:
        """What calling a function (or class) defined in the cell does: its body is read like a
        cell, with its parameters as values, for the ones it may change."""
        if isinstance(node, ast.ClassDef):  # a constructor keeps what it is given, unchanged
            return Binding(FUNCTION)
        arguments = node.args
        parameters = tuple(a.arg for a in [*arguments.posonlyargs, *arguments.args])
        others = [a.arg for a in [*arguments.kwonlyargs, arguments.vararg, arguments.kwarg] if a]
        local = {name: Binding(VALUE) for name in [*parameters, *others]}
        inside = _CellReader({**self.context, **self.defined, **local})
        inside.block(node.body)
        changes = inside.mutates & set(parameters)
        if inside.mutates & set(others):
            changes |= {ANY}
        own = {*parameters, *others, *inside.defined}
        return Binding(
            FUNCTION,
            parameters=parameters,
            changes=frozenset(changes),
            untraceable=inside.barrier,
            reads=frozenset(inside.reads - own),
            mutates=frozenset(inside.mutates - own),
        )

    def call(self, node: ast.Call) -> None:
        callee = _callee_name(node)
        if callee in UNFOLLOWABLE_CALLS and callee not in self.defined:
            self.give_up(f"it calls `{callee}`")
            return
        for keyword in node.keywords:
            if keyword.arg == "out":
                self.changed(keyword.value)
        qualified = self.qualified_name(node.func)
        if qualified is not None:
            self.library_call(qualified, node)
        elif isinstance(node.func, ast.Attribute):  # a method: it may change its object
            receiver = _root_name(node.func)
            if receiver is None:
                return
            binding = self.binding(receiver)
            if binding.kind in (MODULE, IMPORTED):  # `plt.gca().set_aspect(...)`
                if not binding.qualified.startswith(PURE_LIBRARIES):
                    self.arguments_passed(node, Binding(VALUE, changes=frozenset({ANY})))
                return
            if node.func.attr not in READING_METHODS:
                self.mutates.add(receiver)
            if binding.kind != LIBRARY_VALUE:
                self.arguments_passed(node, Binding(VALUE, changes=frozenset({ANY})))
        elif callee is not None and not (callee in PURE_BUILTINS and callee not in self.defined):
            binding = self.binding(callee)
            # What its body reads and changes, it reads and changes when it runs.
            self.reads |= binding.reads - set(self.defined)
            self.mutates |= binding.mutates
            if binding.untraceable:
                self.give_up(
                    f"it calls `{callee}`, which the analysis cannot follow ({binding.untraceable})"
                )
            if binding.kind != FUNCTION or binding.parameters or binding.changes:
                self.arguments_passed(node, binding)

    def arguments_passed(self, node: ast.Call, function: Binding) -> None:
        """The values passed to `function` that it may change (a function defined on the page
        changes the parameters it was found to change; any other, any argument)."""
        known = function.kind == FUNCTION and ANY not in function.changes
        for position, argument in enumerate(node.args):
            value = argument.value if isinstance(argument, ast.Starred) else argument
            parameter = function.parameters[position] if position < len(function.parameters) else ""
            if not known or parameter in function.changes or isinstance(argument, ast.Starred):
                self.may_change(value)
        for keyword in node.keywords:
            if not known or keyword.arg in function.changes or keyword.arg is None:
                self.may_change(keyword.value)

    def may_change(self, value: ast.expr) -> None:
        if not isinstance(value, ast.Name) or self.binding(value.id).kind in UNCHANGEABLE:
            return
        if value.id in BUILTIN_NAMES and value.id not in self.defined | self.context.keys():
            return  # `float` in np.array(x, dtype=float): a builtin, not a value to change
        self.mutates.add(value.id)

    def qualified_name(self, node: ast.expr) -> str | None:
        """`np.random.seed` -> "numpy.random.seed" when `np` came from an import, else None."""
        dotted = _dotted(node)
        if dotted is None:
            return None
        root, _, rest = dotted.partition(".")
        binding = self.binding(root)
        if binding.kind not in (MODULE, IMPORTED):
            return None
        return f"{binding.qualified}.{rest}" if rest else binding.qualified

    def library_call(self, qualified: str, node: ast.Call) -> None:
        if any(qualified == name or qualified.startswith(name + ".") for name in LIBRARY_SETTINGS):
            self.give_up(f"it calls `{qualified}`, which changes a library's settings")
        for state, (seeders, independent) in RANDOM_STATES.items():
            hidden = f"<{state}>"
            if qualified in seeders:
                self.bind(hidden, Binding(VALUE))
            elif qualified.startswith(state + ".") and qualified.split(".")[-1] not in independent:
                if hidden not in self.defined:
                    self.reads.add(hidden)
                self.mutates.add(hidden)
        if qualified in MUTATING_LIBRARY_FUNCTIONS and node.args:
            self.changed(node.args[0])
        library = qualified.partition(".")[0]
        if qualified in BOOK_FUNCTIONS_THAT_CHANGE_ARGUMENTS:
            parameters, changed = BOOK_FUNCTIONS_THAT_CHANGE_ARGUMENTS[qualified]
            self.arguments_passed(node, Binding(FUNCTION, "", parameters, frozenset(changed)))
        elif library not in PURE_LIBRARIES and library != BOOK_MODULE:
            self.arguments_passed(node, Binding(VALUE, changes=frozenset({ANY})))


def _evaluated_at_definition(node) -> list[ast.expr]:
    """What a `def` or `class` statement evaluates when it runs: decorators, defaults, bases."""
    if isinstance(node, ast.ClassDef):
        return [*node.decorator_list, *node.bases, *(k.value for k in node.keywords)]
    defaults = [d for d in [*node.args.defaults, *node.args.kw_defaults] if d is not None]
    return [*node.decorator_list, *defaults]


def _walk_this_scope(node: ast.AST):
    """ast.walk in source order, without entering nested scopes (they are read as a whole)."""
    pending = [node]
    while pending:
        current = pending.pop()
        yield current
        if isinstance(current, SCOPES + COMPREHENSIONS):
            continue
        pending.extend(reversed(list(ast.iter_child_nodes(current))))


def _free_names(scope: ast.AST) -> set[str]:
    """Names a function, lambda, class or comprehension reads from outside itself."""
    bound: set[str] = set()
    loaded: set[str] = set()
    for child in ast.walk(scope):
        if isinstance(child, ast.Name):
            (bound if isinstance(child.ctx, ast.Store | ast.Del) else loaded).add(child.id)
        elif isinstance(child, ast.arg):
            bound.add(child.arg)
        elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            if child is not scope:
                bound.add(child.name)
        elif isinstance(child, ast.alias):
            bound.add((child.asname or child.name).partition(".")[0])
        elif isinstance(child, ast.ExceptHandler) and child.name:
            bound.add(child.name)
    return loaded - bound


def _loaded(target: ast.expr) -> ast.expr:
    """The target as an expression that reads it (`net.W` in `net.W = ...` reads `net`)."""
    return ast.parse(ast.unparse(target), mode="eval").body


def _root_name(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute | ast.Subscript | ast.Call | ast.Starred):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def _dotted(node: ast.expr) -> str | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return ".".join([node.id, *reversed(parts)])


def _callee_name(node: ast.Call) -> str | None:
    return node.func.id if isinstance(node.func, ast.Name) else None


def imported_packages(code: str) -> set[str]:
    """The top-level packages `code` imports, anywhere in it ({"numpy", "backprop"})."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return set()
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.partition(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.partition(".")[0])
    return found
