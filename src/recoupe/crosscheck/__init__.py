"""Cross-article stages: they see the annotated articles of a story, never raw text or the model.

In: AnnotatedArticles. Out: the parts of a Story: `canon.merge_entities` (one entity per
real-world thing), `story.build_story` (the story's articles in time order, title, date);
`gazetteer` holds the place data (CLDR, ISO 3166, GeoNames) that canon reads.
"""
