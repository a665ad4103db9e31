package org.deepbrew.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RenderersTest {
    interface Shape {}

    static class Animal {
        @Override
        public String toString() {
            return "an animal";
        }
    }

    static class Dog extends Animal implements Shape {}

    static class Puppy extends Dog {}

    static class SelfShowing implements Displayable {
        @Override
        public MimeBundle toMimeBundle() {
            return MimeBundle.of("text/html", "<b>me</b>").with("text/plain", "me");
        }
    }

    @AfterEach
    void cleanUp() {
        Renderers.unregister(Animal.class);
        Renderers.unregister(Dog.class);
        Renderers.unregister(Shape.class);
        Renderers.unregister(SelfShowing.class);
        Renderers.unregister(List.class);
    }

    @Test
    void mostSpecificRegisteredClassWins() {
        Renderers.register(Animal.class, a -> MimeBundle.text("animal renderer"));
        assertEquals("animal renderer", Display.render(new Puppy()).plainText());
        Renderers.register(Dog.class, d -> MimeBundle.text("dog renderer"));
        assertEquals("dog renderer", Display.render(new Puppy()).plainText());
        assertEquals("animal renderer", Display.render(new Animal()).plainText());
    }

    @Test
    void superclassBeatsInterfaceAndInterfaceBeatsFallback() {
        Renderers.register(Shape.class, s -> MimeBundle.text("shape renderer"));
        assertEquals("shape renderer", Display.render(new Puppy()).plainText());
        Renderers.register(Animal.class, a -> MimeBundle.text("animal renderer"));
        assertEquals("animal renderer", Display.render(new Puppy()).plainText());
    }

    @Test
    void interfacesOfLibraryTypesAreFound() {
        Renderers.register(List.class, l -> MimeBundle.text("a list of " + l.size()));
        assertEquals("a list of 2", Display.render(new ArrayList<>(List.of(1, 2))).plainText());
    }

    @Test
    void displayableRendersItselfUnlessOverridden() {
        MimeBundle own = Display.render(new SelfShowing());
        assertEquals("<b>me</b>", own.get("text/html"));
        Renderers.register(SelfShowing.class, s -> MimeBundle.text("override"));
        assertEquals("override", Display.render(new SelfShowing()).plainText());
    }

    @Test
    void fallbackIsStringValueOfAndArraysArePrettyPrinted() {
        MimeBundle animal = Display.render(new Animal());
        assertEquals("an animal", animal.plainText());
        assertEquals(1, animal.data().size());
        assertEquals("[1, 2, 3]", Display.render(new int[] {1, 2, 3}).plainText());
        assertEquals("[[1, 2],\n [3, 4]]", Display.render(new int[][] {{1, 2}, {3, 4}}).plainText());
        assertEquals("[0.5, 0.25]", Display.render(new double[] {0.5, 0.25}).plainText());
        assertEquals("null", Display.render(null).plainText());
    }

    @Test
    void longArraysShowHeadAndTail() {
        int[] big = new int[1000];
        for (int i = 0; i < big.length; i++) {
            big[i] = i;
        }
        String text = Display.render(big).plainText();
        assertTrue(text.startsWith("[0, 1, 2,"), text);
        assertTrue(text.contains("... 900 more ..."), text);
        assertTrue(text.endsWith("998, 999]"), text);
        assertFalse(text.contains(", 500,"), text);
    }

    @Test
    void failingRendererFallsBackToTextWithTheReason() {
        Renderers.register(Animal.class, a -> {
            throw new IllegalStateException("boom");
        });
        String text = Display.render(new Animal()).plainText();
        assertTrue(text.startsWith("an animal"), text);
        assertTrue(text.contains("boom"), text);
    }

    @Test
    void registrationRejectsNulls() {
        assertThrows(IllegalArgumentException.class, () -> Renderers.register(null, x -> MimeBundle.text("")));
    }

    @Test
    void valueTypesCarryTheirMimeTypeAndPlainText() {
        MimeBundle html = Display.render(Display.html("<p>a &amp; <b>b</b></p>"));
        assertEquals("<p>a &amp; <b>b</b></p>", html.get("text/html"));
        assertEquals("a & b", html.plainText());
        MimeBundle md = Display.render(Display.markdown("# Title"));
        assertEquals("# Title", md.get("text/markdown"));
        assertEquals("$$E = mc^2$$", Display.render(Display.latex("E = mc^2")).get("text/latex"));
        assertEquals("$x$", Display.render(Display.latex("$x$")).get("text/latex"));
    }

    @Test
    void htmlEscapingCoversSpecialCharacters() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", TextForms.escapeHtml("<a href=\"x\">&'"));
    }

    @Test
    void bundlesAreShownAsTheyAre() {
        MimeBundle own = MimeBundle.of("text/html", "<i>x</i>").with("text/plain", "x");
        assertTrue(Display.render(own) == own);
    }
}
