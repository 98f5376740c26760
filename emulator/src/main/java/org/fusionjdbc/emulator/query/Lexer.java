package org.fusionjdbc.emulator.query;

import java.util.ArrayList;
import java.util.List;

/** Tokens of the row-match q syntax. Positions are 1-based character offsets, for error messages. */
final class Lexer {
  enum T { IDENT, NUMBER, STRING, OP, LPAREN, RPAREN, COMMA, MINUS, END }

  record Token(T type, String text, int pos) {}

  private Lexer() {}

  /**
   * @param allowQuoteDoubling permissive mode: {@code ''} inside a literal is one quote; strict mode
   *     rejects it, as a pod without that escape would
   */
  static List<Token> lex(String s, boolean allowQuoteDoubling) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      int pos = i + 1;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(') {
        out.add(new Token(T.LPAREN, "(", pos));
        i++;
      } else if (c == ')') {
        out.add(new Token(T.RPAREN, ")", pos));
        i++;
      } else if (c == ',') {
        out.add(new Token(T.COMMA, ",", pos));
        i++;
      } else if (c == '\'') {
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) {
            throw syntax("unterminated string literal starting", pos);
          }
          char d = s.charAt(i);
          if (d == '\'') {
            if (i + 1 < n && s.charAt(i + 1) == '\'') {
              if (!allowQuoteDoubling) {
                throw QueryException.badRequest(QueryException.UNSUPPORTED, "Doubled quote ('') inside a string "
                    + "literal at position " + (i + 1) + " is not supported by this server (strict mode).");
              }
              b.append('\'');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          b.append(d);
          i++;
        }
        out.add(new Token(T.STRING, b.toString(), pos));
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
        int start = i;
        while (i < n && Character.isDigit(s.charAt(i))) {
          i++;
        }
        if (i < n && s.charAt(i) == '.') {
          i++;
          while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
          }
        }
        if (i < n && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
          throw syntax("malformed number", pos);
        }
        out.add(new Token(T.NUMBER, s.substring(start, i), pos));
      } else if (c == '-' || c == '+') {
        out.add(new Token(T.MINUS, String.valueOf(c), pos));
        i++;
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$'
            || s.charAt(i) == '.')) {
          i++;
        }
        out.add(new Token(T.IDENT, s.substring(start, i), pos));
      } else if (c == '=' ) {
        out.add(new Token(T.OP, "=", pos));
        i++;
      } else if (c == '!' || c == '<' || c == '>') {
        String op = i + 1 < n && (s.charAt(i + 1) == '=' || (c == '<' && s.charAt(i + 1) == '>'))
            ? s.substring(i, i + 2) : String.valueOf(c);
        if (op.equals("!")) {
          throw syntax("unexpected '!'", pos);
        }
        out.add(new Token(T.OP, op, pos));
        i += op.length();
      } else {
        throw syntax("unexpected character '" + c + "'", pos);
      }
    }
    out.add(new Token(T.END, "", n + 1));
    return out;
  }

  static QueryException syntax(String what, int pos) {
    return QueryException.badRequest(QueryException.SYNTAX,
        "Syntax error in the q parameter: " + what + " at position " + pos + ".");
  }
}
