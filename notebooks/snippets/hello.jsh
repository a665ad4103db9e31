// A snippet file: %load evaluates it as if its lines were typed into the cell.
// Keep helpers you reuse across notebooks in files like this one.
String greet(String name) {
    return "Hello, " + name + "!";
}

List<String> team = List.of("Ada", "Grace", "James");
