// RhythmTestSupport
