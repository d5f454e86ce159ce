"""Surfaces f(x, y) of two variables to run gradient descent on, each with its exact gradient.

A surface has

    value(point)      f(x, y)
    gradient(point)   ∇f(x, y) = (∂f/∂x, ∂f/∂y)
    minima            its local minima, one (x, y) per row, the lowest first
    x_range, y_range  a window that shows the interesting part, for plotting

point is (x, y): an array of shape (2,), or a pair of arrays of one shape, so that
surface.value((X, Y)) with X, Y from np.meshgrid evaluates a whole grid at once. For a
single point, value is a float and gradient an array of shape (2,); for a grid, gradient
has shape (2, *X.shape).
"""

import numpy as np

from ._checks import is_real


class Valley:
    """A long, narrow valley: f(x, y) = ½ (a x² + b y²),  ∇f = (a x, b y),  minimum at (0, 0).

    a and b are the curvatures (second derivatives) along x and y; the defaults 1 and 10
    give the gradient descent chapter's f = x²/2 + 5y². Plain gradient descent multiplies
    x by 1 − η a and y by 1 − η b at every step, so it is stable only for η < 2 / max(a, b),
    and the ratio max(a, b) / min(a, b) says how slow the flat direction then is.
    """

    def __init__(self, curvature_x=1.0, curvature_y=10.0):
        for name, curvature in (("curvature_x", curvature_x), ("curvature_y", curvature_y)):
            if not is_real(curvature) or not curvature > 0:
                raise ValueError(f"{name} must be a positive number, got {curvature!r}")
        self.curvature_x = float(curvature_x)
        self.curvature_y = float(curvature_y)
        self.minima = np.array([[0.0, 0.0]])
        self.x_range = (-5.0, 1.5)
        self.y_range = (-2.2, 2.2)

    def __repr__(self):
        return f"Valley(curvature_x={self.curvature_x:g}, curvature_y={self.curvature_y:g})"

    def value(self, point):
        x, y = _coordinates(point)
        return _number_or_array(0.5 * (self.curvature_x * x**2 + self.curvature_y * y**2))

    def gradient(self, point):
        x, y = _coordinates(point)
        return np.stack([self.curvature_x * x, self.curvature_y * y])


class TwoMinima:
    """A tilted double well: f(x, y) = (x² − 1)² + t x + y²,  ∇f = (4x³ − 4x + t, 2y).

    Two valleys, near x = −1 and x = +1 (on y = 0), with a saddle between them near x = 0.
    The tilt t (default 0.3, |t| < 1.5) makes the left one deeper for t > 0: a global and a
    local minimum. Which one gradient descent reaches depends on where it starts. The
    minima are the real roots of 4x³ − 4x + t = 0 where f'' = 12x² − 4 > 0.
    """

    def __init__(self, tilt=0.3):
        if not is_real(tilt) or not abs(tilt) < 1.5:
            raise ValueError(f"tilt must be a number between -1.5 and 1.5, got {tilt!r}")
        self.tilt = float(tilt)
        roots = np.roots([4.0, 0.0, -4.0, self.tilt])
        xs = [root.real for root in roots if abs(root.imag) < 1e-12 and 12 * root.real**2 > 4]
        points = np.array([[x, 0.0] for x in xs])
        self.minima = points[np.argsort([self.value(point) for point in points])]
        self.x_range = (-2.0, 2.0)
        self.y_range = (-1.5, 1.5)

    def __repr__(self):
        return f"TwoMinima(tilt={self.tilt:g})"

    def value(self, point):
        x, y = _coordinates(point)
        return _number_or_array((x**2 - 1) ** 2 + self.tilt * x + y**2)

    def gradient(self, point):
        x, y = _coordinates(point)
        return np.stack([4 * x**3 - 4 * x + self.tilt, 2 * y])


def _coordinates(point):
    """x and y as float64 arrays of one shape, from an array (2,) or a pair of arrays."""
    if len(point) != 2:
        raise ValueError(f"a point on a surface is (x, y), got {len(point)} coordinates")
    x, y = (np.asarray(coordinate, dtype=np.float64) for coordinate in point)
    if x.shape != y.shape:
        raise ValueError(f"x and y must have one shape, got {x.shape} and {y.shape}")
    return x, y


def _number_or_array(values):
    return float(values) if values.ndim == 0 else values
