"""The scan engine: the run (walk, plan, write), the per-location pipeline, executors,
per-file limits and process isolation."""
