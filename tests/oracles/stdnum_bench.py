#!/usr/bin/env python3
"""Times python-stdnum validating a draft's identifiers, for crates/rules/benches/check.rs.

Usage: stdnum_bench.py ITERATIONS KIND:VALUE...   (KIND: ric | uscc)
Each iteration validates every VALUE once (one "draft"). Prints `ns_per_draft <float>` (wall
time) and `cpu_ns_per_draft <float>` (this thread's CPU time, steady on a loaded machine).
The first iteration (loading stdnum's division database) is excluded, as a long-running
service would have it loaded.
"""

import sys
import time

try:
    from stdnum.cn import ric, uscc
except ImportError as e:
    sys.stderr.write(f"python-stdnum missing ({e}); run: pip install python-stdnum\n")
    sys.exit(3)

VALIDATORS = {"ric": ric.is_valid, "uscc": uscc.is_valid}


def main() -> None:
    iterations = int(sys.argv[1])
    checks = []
    for arg in sys.argv[2:]:
        kind, _, value = arg.partition(":")
        checks.append((VALIDATORS[kind], value))
    for validate, value in checks:  # warm-up: loads the numdb file
        if not validate(value):
            sys.stderr.write(f"warning: {value} is not valid for stdnum\n")
    start, start_cpu = time.perf_counter_ns(), time.thread_time_ns()
    for _ in range(iterations):
        for validate, value in checks:
            validate(value)
    elapsed, elapsed_cpu = time.perf_counter_ns() - start, time.thread_time_ns() - start_cpu
    print(f"ns_per_draft {elapsed / iterations:.1f}")
    print(f"cpu_ns_per_draft {elapsed_cpu / iterations:.1f}")


if __name__ == "__main__":
    main()
