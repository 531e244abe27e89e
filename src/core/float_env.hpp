#pragma once
// How the calling thread's SSE/AVX arithmetic treats denormal numbers, for the duration of a scope.
// MXCSR is per thread, so every worker thread sets it itself. Flush-to-zero (results) plus
// denormals-are-zero (inputs) is what float32 training runs with: gradients that fall below
// FLT_MIN become exact zeros instead of crawling through 100× slower denormal arithmetic.
// Without flushing, IEEE gradual underflow is restored, so float64 shows its true tiny values.

#if defined(__x86_64__) || defined(__SSE2__)
#include <xmmintrin.h>
#define ACTVIZ_HAS_MXCSR 1
#endif

namespace actviz {

class DenormalScope {
   public:
    explicit DenormalScope(bool flush_to_zero) {
#ifdef ACTVIZ_HAS_MXCSR
        saved_ = _mm_getcsr();
        const unsigned flags = kFlushToZero | kDenormalsAreZero;
        _mm_setcsr(flush_to_zero ? (saved_ | flags) : (saved_ & ~flags));
#else
        (void)flush_to_zero;  // other CPUs keep their default (IEEE on AArch64 Linux)
#endif
    }
    ~DenormalScope() {
#ifdef ACTVIZ_HAS_MXCSR
        _mm_setcsr(saved_);
#endif
    }
    DenormalScope(const DenormalScope&) = delete;
    DenormalScope& operator=(const DenormalScope&) = delete;

   private:
#ifdef ACTVIZ_HAS_MXCSR
    static constexpr unsigned kFlushToZero = 0x8000;       // MXCSR.FTZ
    static constexpr unsigned kDenormalsAreZero = 0x0040;  // MXCSR.DAZ
    unsigned saved_ = 0;
#endif
};

}  // namespace actviz
