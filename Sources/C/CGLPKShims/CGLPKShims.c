#include "CGLPKShims.h"

#include <setjmp.h>
#include <string.h>

enum { SC_OUTPUT_CAPACITY = 8192 };

static _Thread_local jmp_buf *sc_active_guard;
static _Thread_local char sc_output[SC_OUTPUT_CAPACITY];
static _Thread_local size_t sc_output_length;

/* Keeps GLPK's terminal output in the thread's buffer; when full, keeps the newest text. */
static int sc_capture_output(void *info, const char *text) {
    (void)info;
    size_t length = strlen(text);
    if (length >= SC_OUTPUT_CAPACITY) {
        text += length - (SC_OUTPUT_CAPACITY - 1);
        length = SC_OUTPUT_CAPACITY - 1;
    }
    if (sc_output_length + length >= SC_OUTPUT_CAPACITY) {
        size_t keep = SC_OUTPUT_CAPACITY - 1 - length;
        memmove(sc_output, sc_output + sc_output_length - keep, keep);
        sc_output_length = keep;
    }
    memcpy(sc_output + sc_output_length, text, length);
    sc_output_length += length;
    sc_output[sc_output_length] = '\0';
    return 1; /* non-zero: GLPK prints nothing itself */
}

static void sc_recover(void *info) {
    (void)info;
    longjmp(*sc_active_guard, 1);
}

/* Runs BODY with glp_error turned into a return of SC_GLPK_FAILED from the enclosing function.
   The hooks are installed on every entry because glp_free_env resets them. */
#define SC_GUARDED(...)                                    \
    jmp_buf guard;                                         \
    jmp_buf *outer = sc_active_guard;                      \
    if (setjmp(guard) != 0) {                              \
        sc_active_guard = outer;                           \
        glp_free_env();                                    \
        return SC_GLPK_FAILED;                             \
    }                                                      \
    sc_active_guard = &guard;                              \
    glp_term_hook(sc_capture_output, NULL);                \
    glp_error_hook(sc_recover, NULL);                      \
    __VA_ARGS__                                            \
    sc_active_guard = outer;                               \
    return SC_GLPK_OK;

int sc_glpk_load(glp_prob *problem, int direction, int rows, int columns,
                 const int *row_type, const double *row_lower, const double *row_upper,
                 const int *column_type, const double *column_lower, const double *column_upper,
                 const double *objective, const int *column_kind,
                 int entries, const int *entry_row, const int *entry_column, const double *entry_value) {
    SC_GUARDED({
        glp_set_obj_dir(problem, direction);
        if (rows > 0) glp_add_rows(problem, rows);
        if (columns > 0) glp_add_cols(problem, columns);
        for (int i = 1; i <= rows; i++) glp_set_row_bnds(problem, i, row_type[i], row_lower[i], row_upper[i]);
        glp_set_obj_coef(problem, 0, objective[0]);
        for (int j = 1; j <= columns; j++) {
            glp_set_col_bnds(problem, j, column_type[j], column_lower[j], column_upper[j]);
            glp_set_obj_coef(problem, j, objective[j]);
            if (column_kind != NULL) glp_set_col_kind(problem, j, column_kind[j]);
        }
        glp_load_matrix(problem, entries, entry_row, entry_column, entry_value);
    })
}

int sc_glpk_set_basis(glp_prob *problem, const int *row_status, const int *column_status) {
    SC_GUARDED({
        int rows = glp_get_num_rows(problem), columns = glp_get_num_cols(problem);
        for (int i = 1; i <= rows; i++) glp_set_row_stat(problem, i, row_status[i]);
        for (int j = 1; j <= columns; j++) glp_set_col_stat(problem, j, column_status[j]);
    })
}

int sc_glpk_set_objective(glp_prob *problem, const double *objective) {
    SC_GUARDED({
        int columns = glp_get_num_cols(problem);
        for (int j = 0; j <= columns; j++) glp_set_obj_coef(problem, j, objective[j]);
    })
}

int sc_glpk_standard_basis(glp_prob *problem) {
    SC_GUARDED({ glp_std_basis(problem); })
}

int sc_glpk_simplex(glp_prob *problem, const glp_smcp *parameters, int exact, int *code) {
    SC_GUARDED({ *code = exact ? glp_exact(problem, parameters) : glp_simplex(problem, parameters); })
}

int sc_glpk_interior(glp_prob *problem, const glp_iptcp *parameters, int *code) {
    SC_GUARDED({ *code = glp_interior(problem, parameters); })
}

int sc_glpk_intopt(glp_prob *problem, const glp_iocp *parameters, int *code) {
    SC_GUARDED({ *code = glp_intopt(problem, parameters); })
}

/* Keeps the best bound of the active nodes (the largest for maximization, the smallest for minimization,
   GLPK's glp_ios_best_node) each time the branch-and-cut calls back; nodes only close and bounds only
   tighten afterwards, so the last value recorded stays a valid bound on every unexplored node. */
static void sc_record_bound(glp_tree *tree, void *info) {
    int best = glp_ios_best_node(tree);
    if (best != 0) *(double *)info = glp_ios_node_bound(tree, best);
}

int sc_glpk_intopt_bound(glp_prob *problem, const glp_iocp *parameters, int *code, double *best_bound) {
    SC_GUARDED({
        glp_iocp local = *parameters;
        local.cb_func = sc_record_bound;
        local.cb_info = best_bound;
        *code = glp_intopt(problem, &local);
    })
}

int sc_glpk_read(glp_prob *problem, sc_glpk_solution_kind kind, int *status, double *objective,
                 int *iterations, double *row_value, double *row_dual, int *row_status,
                 double *column_value, double *column_dual, int *column_status) {
    SC_GUARDED({
        int rows = glp_get_num_rows(problem), columns = glp_get_num_cols(problem);
        *iterations = glp_get_it_cnt(problem);
        switch (kind) {
        case SC_SIMPLEX:
            *status = glp_get_status(problem);
            *objective = glp_get_obj_val(problem);
            for (int i = 1; i <= rows; i++) {
                row_value[i] = glp_get_row_prim(problem, i);
                row_dual[i] = glp_get_row_dual(problem, i);
                row_status[i] = glp_get_row_stat(problem, i);
            }
            for (int j = 1; j <= columns; j++) {
                column_value[j] = glp_get_col_prim(problem, j);
                column_dual[j] = glp_get_col_dual(problem, j);
                column_status[j] = glp_get_col_stat(problem, j);
            }
            break;
        case SC_INTERIOR:
            *status = glp_ipt_status(problem);
            *objective = glp_ipt_obj_val(problem);
            for (int i = 1; i <= rows; i++) {
                row_value[i] = glp_ipt_row_prim(problem, i);
                row_dual[i] = glp_ipt_row_dual(problem, i);
            }
            for (int j = 1; j <= columns; j++) {
                column_value[j] = glp_ipt_col_prim(problem, j);
                column_dual[j] = glp_ipt_col_dual(problem, j);
            }
            break;
        case SC_MIP:
            *status = glp_mip_status(problem);
            *objective = glp_mip_obj_val(problem);
            for (int i = 1; i <= rows; i++) row_value[i] = glp_mip_row_val(problem, i);
            for (int j = 1; j <= columns; j++) column_value[j] = glp_mip_col_val(problem, j);
            break;
        }
    })
}

const char *sc_glpk_last_output(void) { return sc_output; }

void sc_glpk_clear_output(void) {
    sc_output_length = 0;
    sc_output[0] = '\0';
}
