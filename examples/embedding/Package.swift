// swift-tools-version:6.0
// A client of PerformanceKit, as another Swift tool embeds it: plain `import PerformanceKit`, public API only.
import PackageDescription

let package = Package(
    name: "PerformanceKitEmbedding",
    dependencies: [
        .package(name: "PerformanceKit", path: "../.."),
    ],
    targets: [
        .executableTarget(name: "embedding", dependencies: [.product(name: "PerformanceKit", package: "PerformanceKit")]),
    ]
)
