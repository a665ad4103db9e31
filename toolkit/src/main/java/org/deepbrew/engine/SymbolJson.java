package org.deepbrew.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes MXNet's symbol JSON: nodes in order, each op reading outputs of earlier nodes. A value is
 * named by a string: {@code "node"} for a node's first output, {@code "node#i"} for its i-th.
 */
final class SymbolJson {
    private final List<String> nodes = new ArrayList<>();
    private final List<Integer> arguments = new ArrayList<>();
    private final List<String> argumentNames = new ArrayList<>();
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private int counter;

    /** A graph input (data or parameter), in the order the graph will list its arguments. */
    String input(String name) {
        arguments.add(nodes.size());
        argumentNames.add(name);
        return add(name, "{\"op\":\"null\",\"name\":\"" + name + "\",\"inputs\":[]}");
    }

    /** Number of nodes so far. */
    int size() {
        return nodes.size();
    }

    /** Names of the inputs, in order. */
    List<String> inputNames() {
        return List.copyOf(argumentNames);
    }

    /** An op on earlier values, with a generated node name. */
    String op(String op, Map<String, String> attrs, String... from) {
        return op(op, op.toLowerCase().replace("_", "") + (counter++), attrs, from);
    }

    /** An op on earlier values under the node name {@code name}. */
    String op(String op, String name, Map<String, String> attrs, String... from) {
        StringBuilder sb = new StringBuilder("{\"op\":\"").append(op).append("\",\"name\":\"").append(name)
                .append("\",\"attrs\":{");
        String sep = "";
        for (Map.Entry<String, String> a : attrs.entrySet()) {
            sb.append(sep).append('"').append(a.getKey()).append("\":\"").append(a.getValue()).append('"');
            sep = ",";
        }
        sb.append("},\"inputs\":[");
        sep = "";
        for (String f : from) {
            sb.append(sep).append(ref(f));
            sep = ",";
        }
        return add(name, sb.append("]}").toString());
    }

    /** The JSON of the graph whose outputs are {@code outputs}. */
    String build(String... outputs) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i <= nodes.size(); i++) {
            rows.append(i == 0 ? "" : ",").append(i);
        }
        StringBuilder heads = new StringBuilder();
        for (String o : outputs) {
            heads.append(heads.length() == 0 ? "" : ",").append(ref(o));
        }
        return "{\"nodes\":[" + String.join(",", nodes) + "],\"arg_nodes\":" + arguments
                + ",\"node_row_ptr\":[" + rows + "],\"heads\":[" + heads
                + "],\"attrs\":{\"mxnet_version\":[\"int\",10900]}}";
    }

    private String ref(String value) {
        int hash = value.indexOf('#');
        String node = hash < 0 ? value : value.substring(0, hash);
        int output = hash < 0 ? 0 : Integer.parseInt(value.substring(hash + 1));
        Integer i = index.get(node);
        if (i == null) {
            throw new IllegalArgumentException("no node " + node);
        }
        return "[" + i + "," + output + ",0]";
    }

    private String add(String name, String node) {
        if (index.containsKey(name)) {
            throw new IllegalArgumentException("duplicate node " + name);
        }
        index.put(name, nodes.size());
        nodes.add(node);
        return name;
    }
}
