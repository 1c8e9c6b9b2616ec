// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Labbook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "labbook", targets: ["labbook"]),
        .library(name: "MLEngine", targets: ["MLEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CommonMark", dependencies: ["CCmark"]),
        .target(name: "FileKinds"),
        .target(
            name: "NotebookFormat",
            dependencies: ["CommonMark", "FileKinds", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "MLEngine",
            dependencies: ["FileKinds", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "Reports"),
        .target(
            name: "RunStorage",
            dependencies: [
                "FileKinds",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "NotebookRunner",
            dependencies: ["NotebookFormat", "MLEngine", "FileKinds", "Reports", "RunStorage"]
        ),
        .target(
            name: "ModelServer",
            dependencies: [
                "MLEngine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "labbook",
            dependencies: [
                "NotebookRunner",
                "NotebookFormat",
                "RunStorage",
                "ModelServer",
                "MLEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "LabbookBench", dependencies: ["MLEngine"]),
        .testTarget(name: "CommonMarkTests", dependencies: ["CommonMark"]),
        .testTarget(name: "NotebookFormatTests", dependencies: ["NotebookFormat"]),
        .testTarget(name: "MLEngineTests", dependencies: ["MLEngine", "FileKinds"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports"], resources: [.copy("Golden")]),
        .testTarget(name: "NotebookRunnerTests", dependencies: ["NotebookRunner", "MLEngine", "RunStorage"]),
        .testTarget(name: "RunStorageTests", dependencies: ["RunStorage", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "LabbookCLITests", dependencies: ["labbook", "NotebookRunner", "NotebookFormat", "ModelServer", "MLEngine"]),
        .testTarget(
            name: "ModelServerTests",
            dependencies: [
                "ModelServer", "MLEngine",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
