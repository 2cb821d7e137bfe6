#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A mutual-exclusion lock over `pthread_mutex_t`, for the few in-memory stores that need one (Foundation's
/// `NSLock` is not in FoundationEssentials). Recursive when asked, so a holder may take it again.
package final class PlainLock: @unchecked Sendable {
    // @unchecked: the mutex is the synchronisation; it is allocated once and never moved.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    package init(recursive: Bool = false) {
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        if recursive { pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_RECURSIVE)) }
        pthread_mutex_init(mutex, &attributes)
        pthread_mutexattr_destroy(&attributes)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    package func lock() { pthread_mutex_lock(mutex) }
    package func unlock() { pthread_mutex_unlock(mutex) }

    /// Runs `body` holding the lock.
    package func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock()
        defer { unlock() }
        return try body()
    }
}

/// A value made on first use, by whichever thread asks first; the others wait for it.
final class OnDemand<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `made` is only read or written while holding `lock`; `make` is immutable.
    private let lock = PlainLock()
    private var made: Value?
    private let make: @Sendable () -> Value

    /// A value that is there already.
    init(_ value: Value) {
        made = value
        make = { value }
    }

    /// A value `make` makes on first use.
    init(make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    /// Whether the value is there without making it.
    var isReady: Bool { lock.withLock { made != nil } }

    var value: Value {
        lock.withLock {
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
