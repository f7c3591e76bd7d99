"""`letter_render`: one letter through Pelita's render_letter against bare docxtpl rendering the
same template with the same context and images, in the same run; and a batch of 200 letters.
"""
import io
import statistics
import time

TEMPLATE = "rekomendasi_pub"  # the longest letter: two tables, money in words, tembusan
BATCH = 200


def _pelita(context, images):
    from desktop.services.letters.render import render_letter

    return render_letter(TEMPLATE, context, images)


def _bare(context, images):
    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage

    from desktop.services.letters.render import IMAGE_HEIGHTS_MM, template_path

    document = DocxTemplate(str(template_path(TEMPLATE)))
    values = dict(context)
    for name, data in images.items():
        values[name] = InlineImage(document, io.BytesIO(data), height=Mm(IMAGE_HEIGHTS_MM[name]))
    document.render(values, autoescape=True)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _time(fn, *args) -> float:
    started = time.perf_counter()
    fn(*args)
    return time.perf_counter() - started


def run(repeats: int = 5) -> dict:
    from desktop.services.letters import catalogue

    context = catalogue.sample_context(TEMPLATE)
    images = catalogue.sample_images(signed=True)  # emblem, QR code, signature, stamp
    _pelita(context, images)
    _bare(context, images)
    samples = max(repeats * 6, 30)
    subject, baseline = [], []
    for i in range(samples):  # interleaved, alternating who goes first, so noise hits both
        if i % 2:
            baseline.append(_time(_bare, context, images))
        subject.append(_time(_pelita, context, images))
        if not i % 2:
            baseline.append(_time(_bare, context, images))
    value, base = statistics.median(subject), statistics.median(baseline)

    # The batch: 200 letters each way, alternating letter by letter so that noise from other
    # work on the machine falls on both sides alike; each side's time is its letters' sum.
    batch_value = batch_base = 0.0
    for i in range(BATCH):
        first, second = (_pelita, _bare) if i % 2 else (_bare, _pelita)
        spent = {first: _time(first, context, images), second: _time(second, context, images)}
        batch_value += spent[_pelita]
        batch_base += spent[_bare]
    return {
        "letter_render": {"value": round(value * 1000, 2), "unit": "ms",
                          "baseline": round(base * 1000, 2), "ratio": round(value / base, 3),
                          "target_ratio": 1.2, "repeats": samples, "template": TEMPLATE},
        "letter_render_batch_200": {"value": round(batch_value, 2), "unit": "s",
                                    "baseline": round(batch_base, 2),
                                    "ratio": round(batch_value / batch_base, 3),
                                    "letters": BATCH},
    }


if __name__ == "__main__":
    for name, figure in run().items():
        print(name, figure)
