package org.fusionjdbc.calcite.bip;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Rows of BI Publisher's data XML ({@code <DATA_DS><G_1><COL>v</COL>...</G_1>...</DATA_DS>}), streamed: a row is
 * an innermost group (an element whose children are all text-only elements), its values are those children
 * plus the text-only children its enclosing groups had before it (master columns repeated on each detail row);
 * the root's own text-only children (the echoed parameters) are left out. An element BI Publisher omits (a
 * NULL) is absent from the row's map. Not thread-safe.
 */
final class XmlRows implements AutoCloseable {
  private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

  static {
    FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
  }

  private static final class Frame {
    final Map<String, String> leaves = new LinkedHashMap<>();
    final StringBuilder text = new StringBuilder();
    boolean hasChildren;
    boolean hasGroups;
  }

  private final XMLStreamReader xml;
  private final Deque<Frame> stack = new ArrayDeque<>();

  XmlRows(InputStream in) throws XMLStreamException {
    this.xml = FACTORY.createXMLStreamReader(in, "UTF-8");
  }

  /** The next row (column name to text, in document order), or null at the end. */
  Map<String, String> next() throws XMLStreamException {
    while (xml.hasNext()) {
      switch (xml.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          Frame parent = stack.peek();
          if (parent != null) {
            parent.hasChildren = true;
          }
          stack.push(new Frame());
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          if (!stack.isEmpty()) {
            stack.peek().text.append(xml.getText());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          Frame done = stack.pop();
          Frame parent = stack.peek();
          if (!done.hasChildren) {
            if (parent != null) {
              parent.leaves.put(xml.getLocalName(), done.text.toString());
            }
          } else {
            if (parent != null) {
              parent.hasGroups = true;
            }
            if (!done.hasGroups && parent != null) {
              return row(done);
            }
          }
        }
        default -> {
        }
      }
    }
    return null;
  }

  private Map<String, String> row(Frame group) {
    Map<String, String> row = new LinkedHashMap<>();
    var outer = stack.descendingIterator();
    if (outer.hasNext()) {
      outer.next(); // the root: its leaves are the echoed parameters
    }
    while (outer.hasNext()) {
      row.putAll(outer.next().leaves);
    }
    row.putAll(group.leaves);
    return row;
  }

  @Override
  public void close() throws XMLStreamException {
    xml.close();
  }
}
