package org.vansdk.testkit.profile;

import java.util.Optional;

/**
 * A public source a profile's figures follow. Immutable and thread-safe.
 *
 * @since 1.0
 */
public final class Source {
  private final String id;
  private final String citation;
  private final String url;
  private final String date;

  Source(String id, String citation, String url, String date) {
    this.id = id;
    this.citation = citation;
    this.url = url;
    this.date = date;
  }

  /** Returns the id distributions refer to, e.g. {@code cmaa-2020}. */
  public String id() {
    return id;
  }

  /** Returns the citation: what the source says and who published it. */
  public String citation() {
    return citation;
  }

  /** Returns the address of the source, if one is given. */
  public Optional<String> url() {
    return url.isEmpty() ? Optional.empty() : Optional.of(url);
  }

  /** Returns the publication date as written in the file ({@code 2020}, {@code 2020-06-26}). */
  public String date() {
    return date;
  }
}
