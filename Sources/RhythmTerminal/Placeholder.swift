// RhythmTerminal
