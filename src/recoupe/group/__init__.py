"""Cross-article grouping: near-duplicate copies and stories."""
