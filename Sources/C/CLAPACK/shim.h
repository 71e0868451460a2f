// The BLAS and LAPACK C interfaces SparseCert's DenseLinearAlgebra uses for its Double paths:
// CBLAS (cblas_dgemm, cblas_dgemv) from OpenBLAS and LAPACKE (LAPACKE_dgetrf, _dgetri, _dgetrs), whose
// Fortran LAPACK is OpenBLAS's as well (Debian: libopenblas-dev, liblapacke-dev).
#include <cblas.h>
#include <lapacke.h>
