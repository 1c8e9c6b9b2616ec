import Foundation

/// A container build context for one model version: `Containerfile`, the bundle as a
/// one-version registry, and a README. Written by `labbook package`.
///
/// ```
/// DIR/Containerfile
/// DIR/README.md
/// DIR/registry/NAME/VERSION/{model.json, manifest.json}
/// DIR/registry/NAME/aliases/ALIAS
/// DIR/source/            the labbook source to build (when given)
/// ```
///
/// The image builds this labbook version from source with the official Swift image, then
/// copies only the static binary, the two C libraries it links and the bundle into a
/// distroless runtime (no shell, no package manager), running as a non-root user.
public struct BuildContext: Sendable {
    public var name: String
    public var version: Int
    /// The alias the server serves (`production`); `nil` to serve the version itself.
    public var alias: String?
    /// The port the server listens on inside the container.
    public var port: Int = 8080

    public init(name: String, version: Int, alias: String?, port: Int = 8080) {
        self.name = name
        self.version = version
        self.alias = alias
        self.port = port
    }

    /// Where the bundle sits in the image.
    public static let registryInImage = "/srv/labbook/registry"

    /// What the server is started with, relative to a registry folder.
    public func serveArguments(registry: String) -> [String] {
        ["serve", "\(name)@\(alias ?? String(version))", "--registry", registry, "--host", "0.0.0.0", "--port", String(port)]
    }

    /// The image's `CMD`.
    public var command: [String] { ["labbook"] + serveArguments(registry: Self.registryInImage) }

    /// The health check's arguments (`labbook health` asks `/ping`).
    public var healthCheck: [String] { ["labbook", "health", "--port", String(port)] }

    public var containerfile: String {
        func json(_ words: [String]) -> String {
            "[" + words.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
                .joined(separator: ", ") + "]"
        }
        return """
            # Serves \(name) version \(version)\(alias.map { " (\($0))" } ?? "") with Labbook \(EngineInfo.version).
            # Build: podman build -t \(name):\(version) .   (or docker build)
            # Run:   podman run --rm -p \(port):\(port) \(name):\(version)

            # 1. Build this exact Labbook version from source/ with the official Swift image.
            FROM docker.io/library/swift:\(EngineInfo.swiftVersion.replacingOccurrences(of: "+", with: ""))-bookworm AS build
            RUN apt-get update && apt-get install -y --no-install-recommends libcmark-dev libsqlite3-dev \\
                && rm -rf /var/lib/apt/lists/*
            WORKDIR /src
            COPY source/ /src/
            RUN swift build -c release --static-swift-stdlib --product labbook \\
                && strip .build/release/labbook \\
                && mkdir -p /out/lib \\
                && cp .build/release/labbook /out/labbook \\
                && cp -L /usr/lib/$(uname -m)-linux-gnu/libcmark.so.* /usr/lib/$(uname -m)-linux-gnu/libsqlite3.so.0 /out/lib/

            # 2. Copy only the binary, its two C libraries and the bundle into a slim runtime.
            FROM gcr.io/distroless/cc-debian12:nonroot
            LABEL org.opencontainers.image.title="\(name)" \\
                  org.opencontainers.image.version="\(version)" \\
                  dev.labbook.engine-version="\(EngineInfo.version)"
            COPY --from=build /out/lib/ /usr/local/lib/labbook/
            ENV LD_LIBRARY_PATH=/usr/local/lib/labbook
            COPY --from=build /out/labbook /usr/local/bin/labbook
            COPY --chown=65532:65532 registry/ \(Self.registryInImage)/
            USER 65532:65532
            EXPOSE \(port)
            HEALTHCHECK --interval=10s --timeout=2s --start-period=5s --retries=3 CMD \(json(healthCheck))
            CMD \(json(command))

            """
    }

    public var readme: String {
        """
        # \(name) version \(version)

        A build context for serving `\(name)`\(alias.map { " at alias `\($0)`" } ?? "") (version \(version)) with
        Labbook \(EngineInfo.version)'s model server.

        - `registry/`: the model bundle (model, manifest with its feature schema and SHA-256).
        - `source/`: the Labbook source the image builds (written by `labbook package --source`;
          otherwise put a checkout of Labbook \(EngineInfo.version) there).
        - `Containerfile`: a two-stage build, Swift's official image to compile, a distroless
          runtime (no shell) with only the binary, libcmark, libsqlite3 and the bundle, as a non-root
          user, with a health check on `/ping`. The goal is an image under 100 MB (the distroless
          base is about 25 MB, plus the stripped binary); no container engine ran where this was
          written, so build it and check with `podman images`.

        ```sh
        podman build -t \(name):\(version) .
        podman run --rm -p \(port):\(port) \(name):\(version)
        curl -s localhost:\(port)/v1/models/\(name)
        ```

        Without a container: `labbook \(serveArguments(registry: "registry").joined(separator: " "))`.

        """
    }

    /// Writes the context into `directory` (created; files replaced atomically), copying the
    /// version's bundle from `registry`. A `source` checkout is copied without its build folders.
    public func write(to directory: String, from registry: ModelRegistry, source: String? = nil) throws(RegistryError) {
        let versionFolder = "\(directory)/registry/\(name)/\(version)"
        try ModelRegistry.createDirectory(versionFolder)
        for file in [ModelRegistry.modelFile, ModelRegistry.manifestFile] {
            let from = "\(registry.root)/\(name)/\(version)/\(file)"
            guard let data = FileManager.default.contents(atPath: from) else {
                throw RegistryError("cannot read \(from)")
            }
            try ModelRegistry.replaceAtomically(versionFolder + "/" + file, in: versionFolder, contents: data)
        }
        if let alias {
            let packaged = ModelRegistry(root: directory + "/registry")
            try packaged.setAlias(alias, name: name, version: version, by: ["command": "labbook package"])
        }
        try ModelRegistry.replaceAtomically(directory + "/Containerfile", in: directory, contents: Data(containerfile.utf8))
        try ModelRegistry.replaceAtomically(directory + "/README.md", in: directory, contents: Data(readme.utf8))
        if let source { try Self.copySource(source, to: directory + "/source") }
    }

    /// Copies the source tree, leaving out build output and version control.
    private static func copySource(_ source: String, to destination: String) throws(RegistryError) {
        let skipped: Set<String> = [".build", ".git", ".labbook", "reports", ".swiftpm"]
        let files = FileManager.default
        do {
            if files.fileExists(atPath: destination) { try files.removeItem(atPath: destination) }
            try files.createDirectory(atPath: destination, withIntermediateDirectories: true)
            for entry in try files.contentsOfDirectory(atPath: source).sorted()
            where !skipped.contains(entry) && !entry.hasPrefix(".build") {
                try files.copyItem(atPath: source + "/" + entry, toPath: destination + "/" + entry)
            }
        } catch {
            throw RegistryError("cannot copy the source \(source): \(error.localizedDescription)")
        }
        guard files.fileExists(atPath: destination + "/Package.swift") else {
            throw RegistryError("\(source) is not a Labbook source checkout (no Package.swift)")
        }
    }
}
