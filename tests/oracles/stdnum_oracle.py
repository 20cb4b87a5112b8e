#!/usr/bin/env python3
"""Independent verdicts for the differential test (crates/rules/tests/differential.rs).

Reads lines `KIND<TAB>VALUE` from stdin (or the file named as the only argument), writes one line
per input: `ok` or the reason the independent implementation rejects the value.

  ric     python-stdnum stdnum.cn.ric: length | format | checksum | birth | place_unknown | place_year
          (place_year: the division code exists in stdnum's table but not in the birth year)
  uscc    python-stdnum stdnum.cn.uscc: length | format | checksum
  regno   python-stdnum stdnum.iso7064.mod_11_10 on 15 digits (GS 15-2006 registration number): ok | invalid
  mobile  phonenumbers (libphonenumber metadata): ok when +86 VALUE is a valid MOBILE number,
          else `not_mobile`

One process for the whole batch: the Rust test streams 100 000+ lines through it.
Exit status 3 with a message naming the pip packages when a module is missing.
"""

import sys

try:
    from stdnum import numdb
    from stdnum.cn import ric, uscc
    from stdnum.iso7064 import mod_11_10
    from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, ValidationError
    import phonenumbers
    from phonenumbers import PhoneNumberType
except ImportError as e:  # pragma: no cover - environment problem, reported to the Rust test
    sys.stderr.write(f"oracle modules missing ({e}); run: pip install python-stdnum phonenumbers\n")
    sys.exit(3)

LOC = numdb.get("cn/loc")


def ric_verdict(number: str) -> str:
    try:
        ric.validate(number)
        return "ok"
    except InvalidLength:
        return "length"
    except InvalidFormat:
        return "format"
    except InvalidChecksum:
        return "checksum"
    except InvalidComponent:
        try:
            ric.get_birth_date(number)
        except ValidationError:
            return "birth"
        known = any(props for _, props in LOC.info(number[:6]))
        return "place_year" if known else "place_unknown"
    except ValidationError:
        return "invalid"
    except KeyError:
        # stdnum 2.2 bug: a province- or prefecture-level code (no county entry) raises KeyError
        # in get_birth_place instead of a validation error.
        return "crash_no_county"


def uscc_verdict(code: str) -> str:
    try:
        uscc.validate(code)
        return "ok"
    except InvalidLength:
        return "length"
    except InvalidFormat:
        return "format"
    except InvalidChecksum:
        return "checksum"
    except ValidationError:
        return "invalid"


def regno_verdict(number: str) -> str:
    return "ok" if len(number) == 15 and number.isdigit() and mod_11_10.is_valid(number) else "invalid"


MOBILE_TYPES = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)


def mobile_verdict(number: str) -> str:
    try:
        parsed = phonenumbers.parse("+86" + number, None)
    except phonenumbers.NumberParseException:
        return "not_mobile"
    if phonenumbers.is_valid_number(parsed) and phonenumbers.number_type(parsed) in MOBILE_TYPES:
        return "ok"
    return "not_mobile"


VERDICTS = {"ric": ric_verdict, "uscc": uscc_verdict, "regno": regno_verdict, "mobile": mobile_verdict}


def main() -> None:
    source = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin
    out = sys.stdout
    for line in source:
        kind, _, value = line.rstrip("\n").partition("\t")
        verdict = VERDICTS.get(kind)
        out.write((verdict(value) if verdict else "unknown_kind") + "\n")
    out.flush()


if __name__ == "__main__":
    main()
