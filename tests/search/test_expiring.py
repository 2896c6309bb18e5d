"""search/expiring.py: the per-process caches of the search."""

from search.expiring import Expiring


def test_a_value_is_built_once_per_key_until_cleared():
    builds = []

    def build(value):
        def make():
            builds.append(value)
            return value

        return make

    cache = Expiring(60)
    assert cache.get(build("a"), key=1) == "a"
    assert cache.get(build("b"), key=1) == "a"  # cached: not rebuilt
    assert cache.get(build("c"), key=2) == "c"  # another key, another value
    cache.clear()
    assert cache.get(build("d"), key=1) == "d"
    assert builds == ["a", "c", "d"]


def test_an_expired_value_is_built_again():
    cache = Expiring(0)
    assert cache.get(lambda: 1) == 1
    assert cache.get(lambda: 2) == 2
