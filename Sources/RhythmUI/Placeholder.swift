// RhythmUI
