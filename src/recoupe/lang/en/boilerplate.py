"""English web debris, credits and caption cues, as data for the line cleaner.

In: nothing. Out: the same constants as `recoupe.lang.fr.boilerplate`, for English. The
cleaner applies this table alongside the article's language, because sites in any
language print English prompts ("Subscribe to our newsletter", "Comment (0)").
"""

from .. import agencies

PROMPT_START = [
    r"newsletters?\b",
    r"subscribe\b",
    r"sign (up|in)\b",
    r"log ?in\s*$",
    r"enter your\b",
    r"get (our|the) (newsletter|app|latest)",
    r"follow us\b",
    r"download (our|the) app",
    r"(sponsored|promoted|partner) content",
    r"advertisement\s*$",
    r"read (more|the full story)\b",
    r"continue reading\b",
    r"already a subscriber",
    r"accept (all )?cookies",
    r"skip to (main )?content",
    r"click here\b",
    r"(tags|topics)\s*:",
    # Fixed formulas, sentences in form: recognised only at the start of a line.
    r"we use cookies\b",
    r"the post\b.*\bappeared first on\b",
    r"(this|the) (article|story|content) is (for|reserved for) subscribers\b",
]

DEBRIS_LINE = [
    r"\d+\s*(min|minutes?) read",
    r"reading time\s*:?\s*\d+\s*(min|minutes?)",
    r"\d+\s*(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago",
    r"(read more|show more|see more|load more)",
    r"(next|previous) (article|story|post)",
    r"back to top",
    r"(watch|view) (the )?(video|photos?|gallery)",
    r"loading",
]

# Searched anywhere in a short line that does not read as a sentence (see the French table).
PROMPT_ANY = [
    r"\b(our|your) (newsletters?|inbox)\b",
    r"\byour (e-?mail|email address)\b",
    r"\bsubscribers? only\b",
    r"(?:^|[.|©:\-–—]\s*|\d{4}\s*)all rights reserved\b",
]

RELATED_HEADING = [
    r"read (also|more)\b",
    r"see also\b",
    r"related (articles?|stories|news|posts?|content)\b",
    r"more (on this|from|stories)\b",
    r"(you )?(may|might) also like\b",
    r"(most|top) (read|popular|shared)\b",
    r"recommended( for you)?\s*:?$",
    r"latest (news|stories|articles)\s*:?$",
]

SHARE = [
    r"share( this( article| story| page)?)?",
    r"share (on|via)( [\w+.\-]+( [\w+.\-]+)?)?",
    r"tweet( this)?",
    r"print( this( article| story)?)?",
    r"e-?mail this( article| story)?",
    r"copy link",
    r"save (to [\w ]+|for later)",
    r"listen to (this )?article",
]

SHARE_TARGETS = [
    "facebook", "twitter", "x", "linkedin", "whatsapp", "telegram", "pinterest", "reddit",
    "tumblr", "viber", "vk", "email", "e-mail", "print", "share", "tweet", "copy link",
    "flipboard", "google+", "threads", "bluesky",
]

COMMENTS = [
    r"comments?\s*[(\[]\s*\d+\s*[)\]]",
    r"\d+\s+(comments?|replies|responses)",
    r"(no|0) comments?( yet)?",
    r"(leave|add|post|write) a (comment|reply)",
    r"(view|show|see|read) (all )?(\d+ )?comments",
    r"comments?",
]

SOURCE_LABEL = [r"sources?\s*:?", r"references?\s*:?"]

UPDATED_LABEL = [r"updated", r"last updated", r"last modified", r"modified"]
PUBLISHED_LABEL = [r"published", r"posted", r"first published"]

PHOTO_LABEL = [
    r"photo\s*credits?",
    r"credits?\s*:?\s*(photos?|images?)",
    r"image\s*credits?",
    r"pictured?",
    r"file photo",
]

PHOTO_LABEL_DIRECT = [r"photo\s*credits?", r"pictured?", r"file photo"]

CAPTION_CUE = [
    r"\((left|right|centre|center|l|r|c)\)",
    r"\(from (left|right)\)",
    r"\b(is |are )?pictured\b",
]

SOURCE_IN_CAPTION = []

CREDIT_PREFIX = ["with", "source", "sources", "via", "by"]

CREDIT_JOINERS = ["and", "with"]

NAME_CONNECTORS = ["of", "and", "for", "via", "with", "van", "von", "der", "da", "di", "del",
                   "dos", "y"]

BYLINE_PREFIX = ["by"]

# Byline cues; a byline is made of these and of names only (see the French table).
BYLINE = [
    r"authors?\s*:",
    r"(edited|written|reported|translated) by",
    r"additional reporting by",
    r"(reporting|editing|writing) by",
    r"(our|from our) (correspondent|special correspondent)",
]

BYLINE_PLACE_WORDS = ["in"]

FINITE_VERBS = {
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
    "may", "might", "must", "shall", "should", "does", "did", "says", "said", "told",
}
VERB_ENDINGS = [r"[^\W\d_]{3,}ed"]

CONTACT = [r"(phone|tel\.?)\s*:?\s*\+?[\d][\d .()/-]{6,}"]

FUNCTION_WORDS = {
    "the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "by", "from", "and",
    "or", "but", "that", "which", "who", "whose", "as", "than", "into", "onto", "about",
    "between", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those",
}

ONE_LETTER_WORDS = {"a", "i"}

PLACE_CONNECTORS = {"of", "on", "upon", "the"}

AGENCIES = list(agencies.CREDIT_NAMES)

AGENCY_WORDS = ["agency", "press", "news", "wire"]

PHOTO_AGENCIES = list(agencies.PHOTO)

# Section labels printed before a headline ("Business: ...").
RUBRICS = ["business", "politics", "world", "sport", "sports", "opinion", "breaking",
           "exclusive", "live", "analysis", "tech", "science", "health", "culture"]

# Paywall formulas left inside a paragraph by a scraper.
INLINE_PROMPTS = [r"subscribers? only", r"subscribe (?:now|today)", r"advertisement"]

# Capitalised words that open a sentence, not a headline's middle word.
SENTENCE_OPENERS = {"the", "a", "an", "he", "she", "they", "it", "we", "in", "on", "but",
                    "after", "before", "according", "this", "that", "these", "those"}
