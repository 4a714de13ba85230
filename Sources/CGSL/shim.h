// The parts of GSL that fleetwatt uses, plus static inline accessors where Swift
// cannot reach a GSL symbol directly. Only the Swift module `GSL` imports this.
#ifndef FLEETWATT_CGSL_SHIM_H
#define FLEETWATT_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_interp.h>
#include <gsl/gsl_spline.h>

// GSL declares its generator and algorithm types as mutable C globals, which
// Swift 6 refuses to read ("not concurrency-safe"). These accessors return them.

static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *cgsl_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }

static inline const gsl_qrng_type *cgsl_qrng_sobol(void) { return gsl_qrng_sobol; }
static inline const gsl_qrng_type *cgsl_qrng_niederreiter_2(void) { return gsl_qrng_niederreiter_2; }
static inline const gsl_qrng_type *cgsl_qrng_halton(void) { return gsl_qrng_halton; }

static inline const gsl_interp_type *cgsl_interp_steffen(void) { return gsl_interp_steffen; }
static inline const gsl_interp_type *cgsl_interp_linear(void) { return gsl_interp_linear; }

#endif
