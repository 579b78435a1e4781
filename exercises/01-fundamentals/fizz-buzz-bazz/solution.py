"""FizzBuzzBazz: one loop, rules from a table (reference solution)."""

RULES = [(3, "Fizz"), (5, "Buzz"), (7, "Bazz")]


def main() -> None:
    limit = int(input())
    with_word = 0
    for number in range(1, limit + 1):
        word = ""
        for divisor, name in RULES:
            if number % divisor == 0:
                word += name
        if word:
            with_word += 1
        print(word or number)
    print(f"{with_word} of {limit} numbers got a word")


if __name__ == "__main__":
    main()
