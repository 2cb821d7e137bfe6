// The baseline for whole-process timings: a Swift program that only prints one line.
print("print-only")
