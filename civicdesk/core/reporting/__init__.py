"""The reporting kit: a period to report on (`periods`), figure groups, each a table with its
chart (`figures`, `charts`), exact percentiles from histograms (`histogram`), the database
expressions of durations (`expressions`), and CSV/ODS exports of the same groups (`export`).
A module's statistics compute their figures in their own selectors and describe them here."""
