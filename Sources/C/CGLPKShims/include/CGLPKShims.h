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

/// Which of GLPK's solutions to read.
typedef enum { SC_SIMPLEX = 0, SC_INTERIOR = 1, SC_MIP = 2 } sc_glpk_solution_kind;

/// Loads an LP into the empty problem `problem`. Arrays are 1-based as GLPK wants them (element 0 is
/// unused): row and column bound types (GLP_FR, GLP_LO, GLP_UP, GLP_DB, GLP_FX) and bounds, the
/// objective (objective[0] is its constant), column kinds (GLP_CV/GLP_IV; NULL for a pure LP) and the
/// `entries` nonzeros of the constraint matrix in coordinate form.
int sc_glpk_load(glp_prob *problem, int direction, int rows, int columns,
                 const int *row_type, const double *row_lower, const double *row_upper,
                 const int *column_type, const double *column_lower, const double *column_upper,
                 const double *objective, const int *column_kind,
                 int entries, const int *entry_row, const int *entry_column, const double *entry_value);
/// Sets the status of every row and column (1-based arrays) as a starting basis.
int sc_glpk_set_basis(glp_prob *problem, const int *row_status, const int *column_status);
/// Replaces the objective: objective[0] is its constant, objective[j] the cost of column j (1-based,
/// one entry per column); the basis is kept.
int sc_glpk_set_objective(glp_prob *problem, const double *objective);
/// Replaces the current basis by the standard one (every auxiliary variable basic).
int sc_glpk_standard_basis(glp_prob *problem);
/// glp_simplex (exact = 0) or glp_exact (exact = 1); the solver's return code goes to *code.
int sc_glpk_simplex(glp_prob *problem, const glp_smcp *parameters, int exact, int *code);
/// glp_interior; the solver's return code goes to *code.
int sc_glpk_interior(glp_prob *problem, const glp_iptcp *parameters, int *code);
/// glp_intopt; the solver's return code goes to *code.
int sc_glpk_intopt(glp_prob *problem, const glp_iocp *parameters, int *code);
/// glp_intopt with a callback that records, at every call, the bound of the best active node
/// (glp_ios_best_node, glp_ios_node_bound) in *best_bound, which is left untouched when the callback never
/// saw an active node; the solver's return code goes to *code.
int sc_glpk_intopt_bound(glp_prob *problem, const glp_iocp *parameters, int *code, double *best_bound);
/// Reads status, objective, simplex iteration count, values, duals and basis statuses (GLP_BS, GLP_NL,
/// GLP_NU, GLP_NF, GLP_NS) of the chosen solution into 1-based arrays of rows+1 and columns+1 entries;
/// duals and statuses are left untouched where that solution has none.
int sc_glpk_read(glp_prob *problem, sc_glpk_solution_kind kind, int *status, double *objective,
                 int *iterations, double *row_value, double *row_dual, int *row_status,
                 double *column_value, double *column_dual, int *column_status);

/// Everything GLPK printed on this thread since the last call of sc_glpk_clear_output
/// (the tail of it when it was longer than the buffer).
const char *sc_glpk_last_output(void);
/// Empties this thread's output buffer.
void sc_glpk_clear_output(void);

#ifdef __cplusplus
}
#endif

#endif
