"""The performance suite (`make bench`, `python -m bench.run`); see docs/benchmarks.md.

`page_query_counts(scales)` gives every measured page's query count at each scale, for a test
that holds the query budget."""

from bench.pages import PAGES, QUERY_BUDGET, page_query_counts

__all__ = ["PAGES", "QUERY_BUDGET", "page_query_counts"]
