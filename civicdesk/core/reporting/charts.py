"""Charts as data for an inline SVG drawn on the server (`reporting/chart.html`): no script,
a text summary as the SVG's title, and always beside the table that holds the same figures.

Each item is (label, value, the value as shown). Bars compare categories; a line follows a
series in time order (monthly counts, hourly emissions), with gaps where a value is missing.
"""

from collections.abc import Sequence
from dataclasses import dataclass

Item = tuple[str, float | None, str]

# Drawn about the size it is shown, so that the 14px labels stay legible.
CHART_WIDTH = 480
BAR_AREA = 400  # the rest of the width holds the figure at the end of the longest bar
ROW_HEIGHT = 42
BAR_HEIGHT = 16
LINE_HEIGHT = 220  # the plot; the labels of the first and last point sit below it
LINE_TOP = 20
LINE_LEFT = 8
LABEL_ROOM = 28


@dataclass(frozen=True)
class Bar:
    label: str
    text: str
    label_y: int
    bar_y: int
    width: str
    text_x: str
    height: int


@dataclass(frozen=True)
class Marker:
    label: str
    text: str
    x: str
    y: str


@dataclass(frozen=True)
class Chart:
    summary: str
    height: int
    width: int
    bars: tuple[Bar, ...] = ()
    # A line: one SVG polyline per run of known values, markers at every known value.
    lines: tuple[str, ...] = ()
    markers: tuple[Marker, ...] = ()
    axis_labels: tuple[Marker, ...] = ()
    kind: str = "bar"


def _summary(title: str, items: Sequence[Item]) -> str:
    return f"{title}. " + "; ".join(f"{label}: {text}" for label, _value, text in items)


def bar_chart(title: str, items: Sequence[Item], *, scale: float = 0) -> Chart:
    """A horizontal bar chart; `scale` is the value of a full bar if the largest is less
    (5 for scores out of 5)."""
    top = max([value or 0 for _label, value, _text in items] + [scale])
    bars = []
    for index, (label, value, text) in enumerate(items):
        width = BAR_AREA * (value or 0) / top if top else 0
        y = index * ROW_HEIGHT
        bars.append(
            Bar(
                label=label,
                text=text,
                label_y=y + 15,
                bar_y=y + 21,
                width=f"{width:.1f}",
                text_x=f"{width + 6:.1f}",
                height=BAR_HEIGHT,
            )
        )
    return Chart(
        summary=_summary(title, items),
        bars=tuple(bars),
        height=max(len(items), 1) * ROW_HEIGHT,
        width=CHART_WIDTH,
    )


def line_chart(title: str, items: Sequence[Item], *, scale: float = 0) -> Chart:
    """A line over the items in order, from zero to the largest value (or `scale`); a missing
    value (None) breaks the line rather than drawing it through zero."""
    top = max([value or 0 for _label, value, _text in items] + [scale])
    step = (CHART_WIDTH - 2 * LINE_LEFT) / max(len(items) - 1, 1)
    lines: list[str] = []
    run: list[str] = []
    markers = []
    for index, (label, value, text) in enumerate(items):
        if value is None:
            if run:
                lines.append(" ".join(run))
            run = []
            continue
        x = LINE_LEFT + index * step
        y = LINE_TOP + LINE_HEIGHT * (1 - (value / top if top else 0))
        run.append(f"{x:.1f},{y:.1f}")
        markers.append(Marker(label, text, f"{x:.1f}", f"{y:.1f}"))
    if run:
        lines.append(" ".join(run))
    ends = [items[0], items[-1]] if len(items) > 1 else list(items[:1])
    baseline = f"{LINE_TOP + LINE_HEIGHT + LABEL_ROOM - 6}"
    axis = tuple(
        Marker(label, "", f"{LINE_LEFT if index == 0 else CHART_WIDTH - LINE_LEFT}", baseline)
        for index, (label, _value, _text) in enumerate(ends)
    )
    return Chart(
        summary=_summary(title, items),
        height=LINE_TOP + LINE_HEIGHT + LABEL_ROOM,
        width=CHART_WIDTH,
        lines=tuple(lines),
        markers=tuple(markers),
        axis_labels=axis,
        kind="line",
    )
