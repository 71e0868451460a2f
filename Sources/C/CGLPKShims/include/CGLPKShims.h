// CGLPKShims — guarded entry points into GLPK.
//
// GLPK reports internal errors through glp_error, which prints a message and aborts the process.
// Each function here runs its GLPK calls under a setjmp/longjmp guard installed with
// glp_error_hook: on such an error the jump lands back in the same C frame (no Swift frame is ever
// skipped), the thread's GLPK environment is freed with glp_free_env — which also frees every
// problem object of this thread, so the caller must not touch its glp_prob again — and the
// function returns SC_GLPK_FAILED. GLPK's terminal output is captured into a per-thread buffer
// instead of being printed; sc_glpk_last_output() returns it, so the message behind a failure can
// be put into a Swift error.
//
// Thread confinement: Debian's GLPK keeps its environment in thread-local storage, and so does
// this shim. Create, solve, read and delete a problem on one thread inside one synchronous call.
#ifndef CGLPKSHIMS_H
#define CGLPKSHIMS_H

#include <glpk.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Returned by every guarded function when glp_error was raised and recovered from.
#define SC_GLPK_FAILED (-1)
/// Returned by every guarded function when GLPK returned normally.
#define SC_GLPK_OK 0

/// The whole LP in GLPK's terms, 1-based as GLPK wants it (element 0 of every array is unused).
typedef struct {
    int direction;            /* GLP_MIN or GLP_MAX */
    int rows, columns;
    const int *row_type;      /* GLP_FR, GLP_LO, GLP_UP, GLP_DB, GLP_FX */
    const double *row_lower, *row_upper;
    const int *column_type;
    const double *column_lower, *column_upper;
    const double *objective;  /* objective[0] is the constant term */
    const int *column_kind;   /* GLP_CV or GLP_IV; NULL for a pure LP */
    int entries;
    const int *entry_row, *entry_column;
    const double *entry_value;
} sc_glpk_model;

/// Everything read back after a solve; arrays are 1-based and sized rows+1 / columns+1.
typedef struct {
    double *row_value, *row_dual;
    double *column_value, *column_dual;
    int *row_status, *column_status;  /* GLP_BS, GLP_NL, GLP_NU, GLP_NF, GLP_NS */
} sc_glpk_readout;

/// Which of GLPK's solutions to read.
typedef enum { SC_SIMPLEX = 0, SC_INTERIOR = 1, SC_MIP = 2 } sc_glpk_solution_kind;

/// Loads `model` into the empty problem `problem`.
int sc_glpk_load(glp_prob *problem, const sc_glpk_model *model);
/// Sets the status of every row and column (1-based arrays) as a starting basis.
int sc_glpk_set_basis(glp_prob *problem, const int *row_status, const int *column_status);
/// glp_simplex (exact = 0) or glp_exact (exact = 1); the solver's return code goes to *code.
int sc_glpk_simplex(glp_prob *problem, const glp_smcp *parameters, int exact, int *code);
/// glp_interior; the solver's return code goes to *code.
int sc_glpk_interior(glp_prob *problem, const glp_iptcp *parameters, int *code);
/// glp_intopt; the solver's return code goes to *code.
int sc_glpk_intopt(glp_prob *problem, const glp_iocp *parameters, int *code);
/// Reads status, objective, values, duals and basis statuses of the chosen solution.
int sc_glpk_read(glp_prob *problem, sc_glpk_solution_kind kind, int *status, double *objective,
                 const sc_glpk_readout *readout);

/// Everything GLPK printed on this thread since the last call of sc_glpk_clear_output
/// (the tail of it when it was longer than the buffer).
const char *sc_glpk_last_output(void);
/// Empties this thread's output buffer.
void sc_glpk_clear_output(void);

#ifdef __cplusplus
}
#endif

#endif
