#pragma once
/// The SDK's version.
///
/// A plugin built for another major version, or for a newer minor version
/// than the host's, is refused before any of its code runs. Any change to a
/// struct or virtual function that crosses the boundary (fingerprint.hpp lists
/// them) is a new major version; a minor version only adds what an older
/// plugin never sees (a new inline helper, a new virtual at the end of an
/// interface the kernel implements).
#define TRELLIS_SDK_VERSION_MAJOR 3
/// 3.1: TRELLIS_REGIME_CONCURRENT_ASSESS (plugin.hpp), an optional export; no boundary type changed.
#define TRELLIS_SDK_VERSION_MINOR 1
