import fakeredis
import pytest

from redis_rate_limit_leaderboard import add_points, allow_request, rank_of, top_players


@pytest.fixture
def r():
    client = fakeredis.FakeRedis(server=fakeredis.FakeServer(), decode_responses=True)
    yield client
    client.close()


def test_requests_up_to_the_limit_are_allowed_and_the_next_is_refused(r):
    verdicts = [allow_request(r, "ann", 3, 60, now) for now in (120.0, 121.0, 150.5, 179.9)]
    assert verdicts == [True, True, True, False]


def test_a_new_window_starts_a_fresh_count(r):
    assert [allow_request(r, "ann", 1, 60, now) for now in (120.0, 179.0, 180.0)] == [True, False, True]


def test_the_smallest_limit_and_window_one_request_per_second_are_allowed(r):
    verdicts = [allow_request(r, "ann", 1, 1, now) for now in (7.0, 7.5, 8.0)]
    assert verdicts == [True, False, True], "a limit of 1 per 1-second window is valid: only values below 1 are refused"


def test_each_user_has_their_own_counter(r):
    assert allow_request(r, "ann", 1, 60, 100.0)
    assert allow_request(r, "bob", 1, 60, 100.0), "bob was refused because of ann's request"
    assert not allow_request(r, "ann", 1, 60, 101.0)


def test_the_counter_lives_in_the_documented_key_with_a_ttl(r):
    for now in (125.0, 126.0):
        allow_request(r, "ann", 5, 60, now)
    assert r.get("rate:ann:2") == "2", f"keys in Redis: {r.keys('*')}"
    ttl = r.ttl("rate:ann:2")
    assert 0 < ttl <= 60, f"the counter should expire within the window, TTL is {ttl} (-1 means no expiry)"


def test_refused_requests_still_count_and_stay_refused(r):
    results = [allow_request(r, "ann", 2, 10, 5.0) for _ in range(50)]
    assert results.count(True) == 2


class Interleaved:
    """A Redis client, wrapped: before each command your code sends through it, `before(index)` runs.

    That is where the test lets a second client, another web server, send its own request.
    """

    def __init__(self, client, before):
        self._client = client
        self._before = before
        self.sent = 0

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if not callable(attribute):
            return attribute

        def command(*args, **kwargs):
            index, self.sent = self.sent, self.sent + 1
            self._before(index)
            return attribute(*args, **kwargs)

        return command


def test_two_servers_racing_for_the_last_request_cannot_both_be_allowed():
    """Another client's request runs between two of your commands, at every possible point."""
    for at in range(20):
        server = fakeredis.FakeServer()
        mine = fakeredis.FakeRedis(server=server, decode_responses=True)
        other = fakeredis.FakeRedis(server=server, decode_responses=True)
        theirs = []

        def meanwhile(index):
            if index == at:
                theirs.append(allow_request(other, "ann", 1, 60, 100.0))

        try:
            ours = allow_request(Interleaved(mine, meanwhile), "ann", 1, 60, 100.5)
        finally:
            mine.close()
            other.close()
        assert [ours, *theirs].count(True) <= 1, (
            "with a limit of 1, two requests in the same window were both allowed: reading the count (GET), "
            "comparing it and then writing it lets another server slip in between. INCR counts and returns the "
            "new value in one atomic step: compare what INCR returned"
        )
        if not theirs:
            return
    pytest.fail("allow_request sent more than 20 commands")


@pytest.mark.parametrize(("limit", "window"), [(0, 60), (5, 0), (-1, -1)], ids=["zero-limit", "zero-window", "negative"])
def test_allow_request_rejects_limits_and_windows_below_one(r, limit, window):
    with pytest.raises(ValueError, match="at least 1"):
        allow_request(r, "ann", limit, window, 100.0)


def test_add_points_accumulates_and_returns_an_int_score(r):
    assert add_points(r, "weekly", "ann", 10) == 10
    score = add_points(r, "weekly", "ann", 5)
    assert score == 15 and type(score) is int, f"expected the int 15, got {score!r}"
    assert add_points(r, "weekly", "ann", -3) == 12, "a penalty is just negative points"


@pytest.fixture
def board(r):
    for player, points in [("ann", 40), ("bob", 75), ("chloé", 60), ("dev", 10)]:
        add_points(r, "weekly", player, points)
    return r


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, [("bob", 75)]),
        (3, [("bob", 75), ("chloé", 60), ("ann", 40)]),
        (10, [("bob", 75), ("chloé", 60), ("ann", 40), ("dev", 10)]),
    ],
    ids=["leader-only", "podium", "more-than-there-are"],
)
def test_top_players_lists_the_highest_scores_first(board, n, expected):
    top = top_players(board, "weekly", n)
    assert top == expected
    assert all(type(score) is int for _, score in top), f"Redis returns float scores; convert them with int(): {top}"


def test_top_players_of_an_empty_board_is_empty(r):
    assert top_players(r, "nobody-played", 5) == []


def test_top_players_rejects_n_below_one(board):
    with pytest.raises(ValueError, match="at least 1"):
        top_players(board, "weekly", 0)


def test_rank_of_counts_from_one_at_the_top(board):
    assert [rank_of(board, "weekly", p) for p in ("bob", "chloé", "ann", "dev")] == [1, 2, 3, 4], (
        "ZREVRANK gives 0 for the leader and None for a stranger: test `rank is None`, not `if rank`, or 0 is lost"
    )
    add_points(board, "weekly", "dev", 100)
    assert rank_of(board, "weekly", "dev") == 1, "after 100 more points dev leads"


def test_rank_of_an_unknown_player_is_none(board):
    assert rank_of(board, "weekly", "zed") is None
