// C boundary for RhythmTerminal (STYLE.md 4.2). Only what Swift cannot import directly:
// function-like macros, attribute bits, and C globals that Swift 6 strict concurrency rejects.
#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H

// SwiftPM drops the -D flags of `pkg-config ncursesw`; without this, curses.h hides the wide
// character API (wget_wch, cchar_t, setcchar).
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <curses.h>

// MARK: - Globals

static inline WINDOW *cw_stdscr(void) { return stdscr; }
static inline int cw_lines(void) { return LINES; }
static inline int cw_cols(void) { return COLS; }
static inline int cw_colors(void) { return COLORS; }
static inline int cw_color_pairs(void) { return COLOR_PAIRS; }

/// newterm on the process's own stdout/stdin; NULL when the terminal type is unknown.
static inline SCREEN *cw_newterm_stdio(const char *term) { return newterm(term, stdout, stdin); }

/// True when the locale's character set is UTF-8.
static inline int cw_locale_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/// The process's environment, for a child started with posix_spawn.
static inline char **cw_environ(void) {
  extern char **environ;
  return environ;
}

// MARK: - Signals

/// Calls `handler` when `signo` arrives. No SA_RESTART, so a blocking read returns at once
/// (EINTR) and the event loop sees what the handler recorded. 0 on success.
static inline int cw_catch_signal(int signo, void (*handler)(int)) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  sigemptyset(&action.sa_mask);
  action.sa_handler = handler;
  return sigaction(signo, &action, NULL);
}

/// Gives `signo` its default action again.
static inline void cw_default_signal(int signo) { signal(signo, SIG_DFL); }

/// Takes the default action of `signo` now, in this thread: the process stops (SIGTSTP) and this
/// returns once it is continued, or the process ends (SIGTERM, SIGHUP). The signal's handler and
/// this thread's mask are put back afterwards.
static inline void cw_raise_default(int signo) {
  struct sigaction fallback, previous;
  memset(&fallback, 0, sizeof fallback);
  sigemptyset(&fallback.sa_mask);
  fallback.sa_handler = SIG_DFL;
  sigaction(signo, &fallback, &previous);
  sigset_t only, mask;
  sigemptyset(&only);
  sigaddset(&only, signo);
  pthread_sigmask(SIG_UNBLOCK, &only, &mask);
  raise(signo);
  pthread_sigmask(SIG_SETMASK, &mask, NULL);
  sigaction(signo, &previous, NULL);
}

// MARK: - Attributes (macros built with NCURSES_BITS)

static inline attr_t cw_a_normal(void) { return A_NORMAL; }
static inline attr_t cw_a_bold(void) { return A_BOLD; }
static inline attr_t cw_a_dim(void) { return A_DIM; }
static inline attr_t cw_a_italic(void) { return A_ITALIC; }
static inline attr_t cw_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cw_a_reverse(void) { return A_REVERSE; }

// MARK: - Drawing

/// Writes one grapheme (a NUL-terminated wide string: base plus combining marks) at (y, x)
/// with attributes and a colour pair. The pair goes through setcchar's `opts` pointer so pairs
/// above 255 work.
static inline int cw_mvadd_cell(int y, int x, const wchar_t *wcs, attr_t attrs, int pair) {
  cchar_t cc;
  if (setcchar(&cc, wcs, attrs, 0, &pair) == ERR) return ERR;
  return mvadd_wch(y, x, &cc);
}

#endif
