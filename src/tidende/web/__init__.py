"""``tidende serve``: a read-only web explorer (pages and a JSON API) over a store; ``tidende[web]``."""
