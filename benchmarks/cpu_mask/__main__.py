"""``python -m benchmarks.cpu_mask [command ...]``: run a command on the emulated AVX2-only CPU."""

from benchmarks.cpu_mask import main

raise SystemExit(main())
