"""The rules an exercise states, enforced the same way everywhere: "without calling MSE", "with no
loop over the examples", "drawing from `rng`", "with one forward pass".

A check wraps the reader's function and calls the wrapper instead; the call then fails with the
rule's message (and its mistake id) if the rule was broken, whatever the answer:

    checked = obeying(mse_gradient, without(MSE, instead="work the gradient out from the formula"))
    found = checked(y_hat, y)

How each rule sees what the reader's code did, during that call only:
    without, at_most,  every Python function entered (sys.setprofile), whichever name or alias
    at_least
                       the reader reached it by; a class stands for all of its methods
    no_loop            how often each line of the reader's cell runs (sys.settrace): a loop over
                       N examples runs its body N times
    only_random_from   the random generators' states before and after: `rng` must have advanced,
                       numpy's global generator and the `random` module's must not
The tracing functions in place before (a debugger, coverage) are put back afterwards.
"""

from __future__ import annotations

import functools
import random
import sys
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from .compare import CheckFailed

MISTAKES = {
    "forbidden-call": "the reader's code calls what the exercise asks it not to use",
    "too-many-calls": "the reader's code calls something more often than the task needs",
    "missing-call": "the reader's code does not call what the task is about",
    "loop": "a loop over the examples where one array operation belongs",
    "other-generator": "random numbers not drawn from the generator the function is given",
}


@dataclass
class Rule:
    """One rule: what it watches, and the message and mistake id when it is broken."""

    mistake: str
    codes: dict = field(default_factory=dict)  # code object -> the name the message shows
    limit: int | None = 0  # at most this many calls of those codes (without: 0; None: any)
    least: int = 0  # at least this many
    why: str = ""  # completes the message
    line_repeats: int | None = None  # no_loop: no line of the reader's cell runs this often
    rng: object = None  # only_random_from


def without(*things, instead: str, mistake: str = "forbidden-call") -> Rule:
    """Forbid calling any of `things` (functions, methods, or classes: all their methods).

    instead: what the exercise asks for, completing "...: {instead}." ("work the gradient out
    from the formula").
    """
    return Rule(mistake, codes=code_objects(things), limit=0, why=instead)


def at_most(things, times: int, why: str, mistake: str = "too-many-calls") -> Rule:
    """Allow at most `times` calls, in all, of `things` (one forward pass: one per layer)."""
    things = things if isinstance(things, tuple | list) else (things,)
    return Rule(mistake, codes=code_objects(things), limit=times, why=why)


def at_least(things, times: int, why: str, mistake: str = "missing-call") -> Rule:
    """Require at least `times` calls, in all, of `things` (the task is to use them)."""
    things = things if isinstance(things, tuple | list) else (things,)
    return Rule(mistake, codes=code_objects(things), limit=None, least=times, why=why)


def no_loop(examples: int, instead: str, mistake: str = "loop") -> Rule:
    """Forbid a loop over the batch: no line of the reader's code runs `examples` times (or
    more) in one call. `examples` should be at least 3, so that a helper called twice is fine."""
    return Rule(mistake, line_repeats=examples, why=instead)


def only_random_from(rng: np.random.Generator, mistake: str = "other-generator") -> Rule:
    """The function draws its random numbers from `rng` (not np.random.*, not a generator of
    its own, not the `random` module)."""
    return Rule(mistake, rng=rng)


def obeying(function, *rules: Rule):
    """`function`, called under `rules`: the same result, or CheckFailed for a broken rule."""
    name = getattr(function, "__name__", repr(function))

    @functools.wraps(function)
    def checked(*args, **kwargs):
        watch = Watch(name, rules, getattr(getattr(function, "__code__", None), "co_filename", ""))
        try:
            with watch:
                result = function(*args, **kwargs)
        except BaseException:
            watch.raise_broken_rule()  # the broken rule explains the error that followed
            raise
        watch.raise_broken_rule()
        return result

    return checked


class Watch:
    """Watches one call of the reader's function and remembers the first rule it breaks."""

    def __init__(self, name: str, rules: tuple[Rule, ...], filename: str) -> None:
        self.name = name
        self.rules = rules
        self.filename = filename  # the reader's cell, whose lines no_loop counts
        self.calls = Counter()  # per rule
        self.lines = Counter()  # (code, line) of the reader's cell
        self.broken: tuple[str, str] | None = None  # (message, mistake)

    def __enter__(self):
        self.random_states = {
            id(rule): random_states(rule.rng) for rule in self.rules if rule.rng is not None
        }
        self.previous = sys.getprofile(), sys.gettrace()
        if any(rule.codes for rule in self.rules):
            sys.setprofile(self.profile)
        if any(rule.line_repeats for rule in self.rules) and self.filename:
            sys.settrace(self.trace)
        return self

    def __exit__(self, *exception) -> None:
        sys.setprofile(self.previous[0])
        sys.settrace(self.previous[1])
        for rule in self.rules:
            count = self.calls[id(rule)]
            if count < rule.least:
                names = " or ".join(f"`{name}`" for name in sorted(set(rule.codes.values())))
                times = f"{count} time{'s' * (count != 1)}, not {rule.least}" if count else ""
                said = f"calls {names} {times}" if count else f"never calls {names}"
                self.break_rule(rule, f"`{self.name}` {said}: {rule.why}.")
        for rule in self.rules:
            if rule.rng is not None:
                self.check_random(rule, self.random_states[id(rule)], random_states(rule.rng))

    def profile(self, frame, event, argument) -> None:
        if event != "call" or self.broken:
            return
        for rule in self.rules:
            called = rule.codes.get(frame.f_code)
            if called is None:
                continue
            self.calls[id(rule)] += 1
            if rule.limit is not None and self.calls[id(rule)] > rule.limit:
                if rule.limit == 0:
                    self.break_rule(
                        rule,
                        f"`{self.name}` calls `{called}`, which this exercise "
                        f"asks you not to use: {rule.why}.",
                    )
                else:
                    self.break_rule(
                        rule,
                        f"`{self.name}` calls `{called}` more than {rule.limit} times: {rule.why}.",
                    )

    def trace(self, frame, event, argument):
        if frame.f_code.co_filename != self.filename:
            return None
        return self.count_lines

    def count_lines(self, frame, event, argument):
        if event == "line" and not self.broken:
            key = (frame.f_code, frame.f_lineno)
            self.lines[key] += 1
            for rule in self.rules:
                if rule.line_repeats and self.lines[key] >= rule.line_repeats:
                    self.break_rule(
                        rule,
                        f"Line {frame.f_lineno} of your cell ran "
                        f"{rule.line_repeats} times in one call of `{self.name}`, once "
                        f"per example of a batch of {rule.line_repeats}: that is a "
                        f"loop over the examples. {rule.why}",
                    )
        return self.count_lines

    def check_random(self, rule: Rule, before: tuple, after: tuple) -> None:
        if after[1] != before[1] or after[2] != before[2]:
            self.break_rule(
                rule,
                f"`{self.name}` draws random numbers from numpy's global "
                "generator (np.random.normal, ...) or from the `random` module, not "
                "from the `rng` it is given: use rng.normal(...), so that the "
                "caller's seed decides the numbers.",
            )
        elif after[0] == before[0]:
            self.break_rule(
                rule,
                f"`{self.name}` does not draw anything from the `rng` it is "
                "given (a generator made inside it, with a seed of its own, gives "
                "the same numbers at every call): draw them with rng.normal(...).",
            )

    def break_rule(self, rule: Rule, message: str) -> None:
        if self.broken is None:
            self.broken = (message, rule.mistake)

    def raise_broken_rule(self) -> None:
        if self.broken is not None:
            raise CheckFailed(*self.broken) from None


def random_states(rng) -> tuple:
    """The states of `rng`, numpy's global generator and the random module's, to compare."""
    return (
        repr(rng.bit_generator.state),
        repr(np.random.get_state(legacy=False)),
        random.getstate(),
    )


def code_objects(things) -> dict:
    """{code object: the name a message shows} for functions, methods and classes' methods."""
    codes = {}
    for thing in things:
        if isinstance(thing, type):
            for klass in thing.__mro__[:-1]:  # all but object
                for attribute, member in vars(klass).items():
                    function = getattr(member, "__func__", member)  # static and class methods
                    if hasattr(function, "__code__"):
                        codes[function.__code__] = f"{thing.__name__}.{attribute}"
            continue
        function = getattr(thing, "__func__", thing)  # a bound method
        if not hasattr(function, "__code__"):
            raise TypeError(
                f"without(), at_most() and at_least() watch Python functions, methods and "
                f"classes; {thing!r} is none of them"
            )
        codes[function.__code__] = function.__qualname__
    return codes
