import PerformanceKit

/// The command's exit statuses (FORMAT.md §5): a job's status.
typealias ExitStatus = JobStatus
