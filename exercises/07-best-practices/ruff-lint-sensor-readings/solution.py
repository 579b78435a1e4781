"""Parse "name=value" sensor lines and average the readings of one sensor."""


def parse_reading(line: str) -> tuple[str, float] | None:
    """Split one "name=value" line into the sensor's name and its value.

    Args:
        line: The text to parse, such as "kitchen = 21.5".

    Returns:
        The pair (name, value), the name stripped, or None when the line is not
        "name=number".
    """
    try:
        name, value = line.split("=")
        return name.strip(), float(value)
    except ValueError:
        return None


def collect(
    lines: list[str], into: list[tuple[str, float]] | None = None
) -> list[tuple[str, float]]:
    """Parse many lines, keeping the readings and skipping the lines that are not readings.

    Args:
        lines: The lines to parse.
        into: The list to append the readings to; a new list when None.

    Returns:
        The list the readings were appended to.
    """
    if into is None:
        into = []
    for line in lines:
        reading = parse_reading(line)
        if reading is not None:
            into.append(reading)
    return into


def average(readings: list[tuple[str, float]], sensor: str) -> float:
    """Compute the mean value of one sensor's readings.

    Args:
        readings: (name, value) pairs, as collect() returns them.
        sensor: The name of the sensor to average.

    Returns:
        The mean of the values whose name is sensor.

    Raises:
        ValueError: If no reading has that name.
    """
    values = [value for name, value in readings if name == sensor]
    if not values:
        raise ValueError(f"no readings for {sensor!r}")
    return sum(values) / len(values)
