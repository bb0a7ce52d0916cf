print("rhythm-bench: not built yet")
