internal import CGSL

/// Owns a `gsl_integration_workspace` (the interval list of the adaptive
/// integrators) and frees it in `deinit`. Not thread-safe: one per task.
internal final class IntegrationWorkspace {
    let pointer: UnsafeMutablePointer<gsl_integration_workspace>
    let limit: Int

    init(limit: Int) {
        GSLRuntime.ensure()
        guard let p = gsl_integration_workspace_alloc(limit) else {
            preconditionFailure("Unable to allocate a GSL integration workspace of \(limit) intervals")
        }
        pointer = p
        self.limit = limit
    }

    deinit { gsl_integration_workspace_free(pointer) }
}

/// Owns a `gsl_integration_cquad_workspace` and frees it in `deinit`.
internal final class CQUADWorkspace {
    let pointer: UnsafeMutablePointer<gsl_integration_cquad_workspace>

    init(limit: Int) {
        GSLRuntime.ensure()
        guard let p = gsl_integration_cquad_workspace_alloc(limit) else {
            preconditionFailure("Unable to allocate a GSL CQUAD workspace of \(limit) intervals")
        }
        pointer = p
    }

    deinit { gsl_integration_cquad_workspace_free(pointer) }
}
