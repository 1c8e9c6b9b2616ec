@main
struct Labbook {
    static func main() {}
}
