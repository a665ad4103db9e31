package org.deepbrew.business;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValueLoopTest {
    @Test
    void theSvgIsWellFormedWithTheSeedsSevenStepsInOrder() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(ValueLoop.svg().getBytes(StandardCharsets.UTF_8)));
        assertEquals(7, doc.getElementsByTagName("rect").getLength());
        NodeList bold = doc.getElementsByTagName("text");
        List<String> titles = new java.util.ArrayList<>();
        for (int i = 0; i < bold.getLength(); i++) {
            if ("bold".equals(bold.item(i).getAttributes().getNamedItem("font-weight") == null ? null
                    : bold.item(i).getAttributes().getNamedItem("font-weight").getNodeValue())) {
                titles.add(bold.item(i).getTextContent());
            }
        }
        assertEquals(List.of("data collection", "processing", "preprocessing", "training", "evaluation",
                "business application", "feedback"), titles);
        // Six arrows between neighbours and the feedback path back to the start.
        assertEquals(6, doc.getElementsByTagName("line").getLength());
        assertEquals(1, doc.getElementsByTagName("path").getLength() - 1);
        int links = ValueLoop.STEPS.stream().mapToInt(s -> s.notebooks().size()).sum();
        assertEquals(links, doc.getElementsByTagName("a").getLength());
    }
}
