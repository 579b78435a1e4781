import pytest

from canary_router import BlueGreen, bucket, in_canary

USERS = [f"user-{n}" for n in range(5000)]


@pytest.mark.parametrize(
    ("user_id", "salt", "expected"),
    [
        ("alice", "", 35),
        ("bob", "", 21),
        ("user-42", "", 6),
        ("zoë", "", 60),
        ("alice", "checkout-v2", 15),
    ],
    ids=["alice", "bob", "user-42", "unicode-id", "with-salt"],
)
def test_bucket_is_the_documented_sha256_value(user_id, salt, expected):
    assert bucket(user_id, salt) == expected


def test_bucket_salt_defaults_to_the_empty_string():
    assert bucket("alice") == 35, "without a salt, bucket hashes ':alice' (an empty salt before the colon)"
    assert in_canary("alice", 36) is True and in_canary("alice", 35) is False, (
        "in_canary's salt must also default to the empty string"
    )


def test_bucket_spreads_users_over_0_to_99():
    buckets = [bucket(user) for user in USERS]
    assert min(buckets) == 0 and max(buckets) == 99
    assert len(set(buckets)) == 100, "every bucket 0..99 should get some of 5000 users"


@pytest.mark.parametrize("percent", [5, 25, 50])
def test_in_canary_selects_about_the_requested_share(percent):
    share = sum(in_canary(user, percent) for user in USERS) / len(USERS) * 100
    assert abs(share - percent) < 2.5, f"asked for {percent}%, got {share:.1f}%"


def test_in_canary_keeps_early_users_when_the_share_grows():
    at_5 = {user for user in USERS if in_canary(user, 5)}
    at_20 = {user for user in USERS if in_canary(user, 20)}
    assert at_5 <= at_20, "a user in the 5% canary must still be in it at 20%"


@pytest.mark.parametrize(("percent", "expected"), [(0, False), (100, True)], ids=["nobody", "everybody"])
def test_in_canary_extremes(percent, expected):
    assert all(in_canary(user, percent) is expected for user in USERS[:200])


# Users whose bucket sits exactly on a boundary: user-228 is in bucket 0,
# user-72 in bucket 40 and user-236 in bucket 99.
@pytest.mark.parametrize(
    ("user_id", "percent", "expected"),
    [
        ("user-228", 0, False),
        ("user-228", 1, True),
        ("user-72", 40, False),
        ("user-72", 41, True),
        ("user-236", 99, False),
        ("user-236", 100, True),
    ],
    ids=["bucket-0-at-0-percent", "bucket-0-at-1-percent", "bucket-40-at-40-percent",
         "bucket-40-at-41-percent", "bucket-99-at-99-percent", "bucket-99-at-100-percent"],
)
def test_in_canary_is_strictly_below_the_percent(user_id, percent, expected):
    assert bucket(user_id) == {"user-228": 0, "user-72": 40, "user-236": 99}[user_id]
    assert in_canary(user_id, percent) is expected, (
        f"a user in bucket {bucket(user_id)} is in a {percent}% canary only if {bucket(user_id)} < {percent}: "
        "with `<=` a 0% canary would still reach bucket 0 and every percent would take one bucket too many"
    )


@pytest.mark.parametrize(("percent", "expected"), [(0, 0), (1, 1), (40, 40), (100, 100)], ids=["0", "1", "40", "100"])
def test_in_canary_selects_exactly_percent_buckets(percent, expected):
    chosen = {bucket(user) for user in USERS[:1000] if in_canary(user, percent)}  # all 100 buckets occur
    assert len(chosen) == expected, (
        f"a {percent}% canary must take exactly the buckets 0..{percent - 1}, got {len(chosen)} buckets"
    )


def test_in_canary_salt_picks_a_different_group_per_release():
    first = {user for user in USERS if in_canary(user, 10, salt="release-1")}
    second = {user for user in USERS if in_canary(user, 10, salt="release-2")}
    assert first != second, "different salts should not always pick the same users"


@pytest.mark.parametrize("percent", [-1, 101], ids=["negative", "over-100"])
def test_in_canary_rejects_a_percent_outside_0_to_100(percent):
    with pytest.raises(ValueError, match="between 0 and 100"):
        in_canary("alice", percent)


def test_blue_green_sends_everyone_to_live_without_a_canary():
    env = BlueGreen()
    assert env.idle == "green"
    assert {env.route(user) for user in USERS[:500]} == {"blue"}


def test_blue_green_canary_sends_a_share_to_the_idle_colour():
    env = BlueGreen()
    env.start_canary(40)
    assert env.route("alice") == "green", "alice's bucket is 35, below 40"
    assert env.route("zoë") == "blue", "zoë's bucket is 60, not below 40"
    green = sum(env.route(user) == "green" for user in USERS)
    assert 1800 < green < 2200, f"about 40% of 5000 expected on green, got {green}"


@pytest.mark.parametrize("percent", [0, 1, 40, 99, 100])
def test_blue_green_route_follows_in_canary_for_every_user(percent):
    env = BlueGreen()
    env.start_canary(percent)
    for user in USERS[:1000]:  # every bucket 0..99 occurs among them
        expected = "green" if in_canary(user, percent) else "blue"
        assert env.route(user) == expected, (
            f"route({user!r}) with a {percent}% canary (bucket {bucket(user)}) must follow in_canary's rule "
            "(bucket < percent), not a rule of its own"
        )


@pytest.mark.parametrize(
    ("user_id", "percent", "expected"),
    [("user-228", 0, "blue"), ("user-72", 40, "blue"), ("user-72", 41, "green"), ("user-236", 100, "green")],
    ids=["bucket-0-with-no-canary", "bucket-40-at-40-percent", "bucket-40-at-41-percent", "bucket-99-at-100-percent"],
)
def test_blue_green_route_at_the_boundary_buckets(user_id, percent, expected):
    env = BlueGreen()
    env.start_canary(percent)
    assert env.route(user_id) == expected, (
        f"{user_id} is in bucket {bucket(user_id)}: it goes to the canary only if its bucket is below {percent}"
    )


def test_blue_green_promote_flips_live_and_idle():
    env = BlueGreen()
    env.start_canary(10)
    env.promote()
    assert (env.live, env.idle, env.canary_percent) == ("green", "blue", 0)
    assert {env.route(user) for user in USERS[:500]} == {"green"}
    env.start_canary(100)
    assert env.route("alice") == "blue", "the next canary goes to the now idle blue"


def test_blue_green_rollback_keeps_live_and_ends_the_canary():
    env = BlueGreen()
    env.start_canary(50)
    env.rollback()
    assert (env.live, env.canary_percent) == ("blue", 0)
    assert env.route("alice") == "blue"


@pytest.mark.parametrize("percent", [-1, 101, 150], ids=["negative", "just-over-100", "far-over-100"])
def test_blue_green_rejects_an_invalid_canary_share(percent):
    env = BlueGreen()
    env.start_canary(30)
    with pytest.raises(ValueError, match="between 0 and 100"):
        env.start_canary(percent)
    assert env.canary_percent == 30, "a rejected value must not be stored"


@pytest.mark.parametrize("percent", [0, 100], ids=["0-stops-the-canary", "100-sends-everyone"])
def test_blue_green_accepts_both_ends_of_0_to_100(percent):
    env = BlueGreen()
    env.start_canary(50)
    env.start_canary(percent)
    assert env.canary_percent == percent, f"{percent} is a valid share: 0..100 includes both ends"
