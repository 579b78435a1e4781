def points_for(total_cents, category, tier):
    if total_cents < 0:
        raise ValueError("total_cents must be >= 0, got " + str(total_cents))
    if tier == "bronze":
        p = total_cents // 100
        if category == "books":
            p = p + 10
        if total_cents >= 10000:
            p = p + 50
    elif tier == "silver":
        p = total_cents // 100 * 2
        if category == "books":
            p = p + 10
        if total_cents >= 10000:
            p = p + 50
    elif tier == "gold":
        p = total_cents // 100 * 3
        if category == "books":
            p = p + 10
        if total_cents >= 10000:
            p = p + 50
    else:
        raise ValueError("unknown tier: " + repr(tier))
    return p
