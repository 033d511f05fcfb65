"""Exact percentiles read off a histogram, so a database returns a handful of (value, count)
rows instead of sorting a million values."""

from collections import Counter


def percentile(histogram: Counter[int], fraction: float) -> float | None:
    """`percentile_cont(fraction)` of the values the histogram counts: the value at rank
    (n - 1) * fraction, interpolated linearly between its two neighbouring ranks; one decimal."""
    count = histogram.total()
    if not count:
        return None
    position = (count - 1) * fraction
    lower = int(position)

    def value_at(rank: int) -> int:
        seen = 0
        for value, times in sorted(histogram.items()):
            seen += times
            if rank < seen:
                return value
        raise IndexError(rank)

    low = value_at(lower)
    high = value_at(lower + 1) if position > lower else low
    return round(low + (high - low) * (position - lower), 1)
