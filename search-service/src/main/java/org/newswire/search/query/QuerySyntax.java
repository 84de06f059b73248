package org.newswire.search.query;

import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringFlag;

/**
 * The analysts' query language, parsed here so that a mistake gets a message instead of silently
 * matching something else ({@code simple_query_string} never refuses a query). Words are all
 * required; {@code "..."} is a phrase; {@code AND}, {@code OR}, {@code NOT} (upper case) or
 * {@code +}, {@code |}, {@code -} combine; parentheses group; {@code word*} matches a prefix. Each
 * word or phrase becomes a {@code simple_query_string} over the searched fields, combined in
 * {@code bool} queries, so a query of only {@code NOT} parts still means "everything except".
 */
final class QuerySyntax {

	static final List<String> SEARCHED_FIELDS = List.of("title^3", "summary^2", "text", "entities.name.text^2");

	private final String input;

	private final List<Token> tokens = new ArrayList<>();

	private int next;

	private record Token(String kind, String text, int at) {
	}

	private QuerySyntax(String input) {
		this.input = input;
	}

	/**
	 * @throws InvalidSearchException saying what is wrong and where
	 */
	static Query parse(String input) {
		QuerySyntax syntax = new QuerySyntax(input);
		syntax.tokenize();
		if (syntax.tokens.isEmpty()) {
			throw new InvalidSearchException("q has no words to search for");
		}
		Query query = syntax.or();
		if (syntax.next < syntax.tokens.size()) {
			Token extra = syntax.tokens.get(syntax.next);
			throw syntax.error("unexpected '" + extra.text() + "'", extra.at());
		}
		return query;
	}

	private void tokenize() {
		int i = 0;
		while (i < this.input.length()) {
			char c = this.input.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '(' || c == ')' || c == '|') {
				this.tokens.add(new Token(String.valueOf(c), String.valueOf(c), i++));
			}
			else if ((c == '+' || c == '-') && i + 1 < this.input.length()
					&& !Character.isWhitespace(this.input.charAt(i + 1))) {
				this.tokens.add(new Token(c == '+' ? "AND" : "NOT", String.valueOf(c), i++));
			}
			else if (c == '"') {
				int end = this.input.indexOf('"', i + 1);
				if (end < 0) {
					throw error("the quote opened here is never closed", i);
				}
				String phrase = this.input.substring(i + 1, end).strip();
				if (phrase.isEmpty()) {
					throw error("empty phrase \"\"", i);
				}
				this.tokens.add(new Token("PHRASE", phrase, i));
				i = end + 1;
			}
			else {
				int start = i;
				while (i < this.input.length() && !Character.isWhitespace(this.input.charAt(i))
						&& "()\"|".indexOf(this.input.charAt(i)) < 0) {
					i++;
				}
				word(this.input.substring(start, i), start);
			}
		}
	}

	private void word(String word, int at) {
		if (word.equals("AND") || word.equals("OR") || word.equals("NOT")) {
			this.tokens.add(new Token(word, word, at));
			return;
		}
		if (word.equals("+") || word.equals("-")) {
			throw error("'" + word + "' must be followed directly by a word, phrase or group", at);
		}
		int star = word.indexOf('*');
		if (star == 0) {
			throw error("'*' needs some letters before it (prefix*)", at);
		}
		if (star > 0 && star < word.length() - 1) {
			throw error("'*' is only allowed at the end of a word (prefix*)", at + star);
		}
		this.tokens.add(new Token("WORD", word, at));
	}

	private Query or() {
		List<Query> alternatives = new ArrayList<>();
		alternatives.add(and());
		while (peek("OR") || peek("|")) {
			Token op = this.tokens.get(this.next++);
			if (atEnd() || peek(")") || peek("OR") || peek("|")) {
				throw error(op.text() + " needs something on both sides", op.at());
			}
			alternatives.add(and());
		}
		if (alternatives.size() == 1) {
			return alternatives.get(0);
		}
		return Query.of(q -> q.bool(b -> b.should(alternatives).minimumShouldMatch("1")));
	}

	private Query and() {
		List<Query> must = new ArrayList<>();
		List<Query> mustNot = new ArrayList<>();
		if (peek("AND")) {
			Token op = this.tokens.get(this.next);
			if (!op.text().equals("+")) {
				throw error("AND needs something on both sides", op.at());
			}
		}
		while (!atEnd() && !peek(")") && !peek("OR") && !peek("|")) {
			boolean negated = false;
			Token op = null;
			while (peek("AND") || peek("NOT")) {
				op = this.tokens.get(this.next++);
				if (op.kind().equals("NOT")) {
					negated = !negated;
				}
			}
			if (atEnd() || peek(")") || peek("OR") || peek("|")) {
				throw error(op.text() + " needs a word, phrase or group after it", op.at());
			}
			(negated ? mustNot : must).add(primary());
		}
		if (must.isEmpty() && mustNot.isEmpty()) {
			Token at = atEnd() ? this.tokens.get(this.tokens.size() - 1) : this.tokens.get(this.next);
			throw error(at.kind().equals(")") ? "')' without '(' before it" : at.text() + " needs something on both sides",
					at.at());
		}
		if (must.size() == 1 && mustNot.isEmpty()) {
			return must.get(0);
		}
		return Query.of(q -> q.bool(b -> {
			b.must(must).mustNot(mustNot);
			if (must.isEmpty()) {
				b.must(m -> m.matchAll(all -> all));
			}
			return b;
		}));
	}

	private Query primary() {
		Token token = this.tokens.get(this.next++);
		switch (token.kind()) {
			case "(" -> {
				if (peek(")")) {
					throw error("empty parentheses", token.at());
				}
				Query inner = or();
				if (!peek(")")) {
					throw error("the parenthesis opened here is never closed", token.at());
				}
				this.next++;
				return inner;
			}
			case ")" -> throw error("')' without '(' before it", token.at());
			case "PHRASE" -> {
				return leaf("\"" + escape(token.text()) + "\"");
			}
			default -> {
				boolean prefix = token.text().endsWith("*");
				String word = prefix ? token.text().substring(0, token.text().length() - 1) : token.text();
				return leaf(escape(word) + (prefix ? "*" : ""));
			}
		}
	}

	private static Query leaf(String text) {
		return Query.of(q -> q.simpleQueryString(s -> s.query(text)
			.fields(SEARCHED_FIELDS)
			.defaultOperator(Operator.And)
			.flags(SimpleQueryStringFlag.Phrase, SimpleQueryStringFlag.Prefix, SimpleQueryStringFlag.Whitespace)));
	}

	/** Characters simple_query_string would read as operators are escaped; the analyzer drops them. */
	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if ("+|-\"*()~\\".indexOf(c) >= 0) {
				out.append('\\');
			}
			out.append(c);
		}
		return out.toString();
	}

	private boolean peek(String kind) {
		return this.next < this.tokens.size() && this.tokens.get(this.next).kind().equals(kind);
	}

	private boolean atEnd() {
		return this.next >= this.tokens.size();
	}

	private InvalidSearchException error(String problem, int at) {
		return new InvalidSearchException("q is not valid at character " + (at + 1) + ": " + problem
				+ ". Use words (all required), \"exact phrases\", AND/OR/NOT or +/|/-, (groups) and prefix*");
	}

}
