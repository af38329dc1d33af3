"""Common first names that a pronoun's gender can rule out as its antecedent: "he said"
after "The presenter, Kate Summers, put it to him …" is not Kate Summers. Names not listed
(and names given to both) rule nothing out."""

from __future__ import annotations

from typing import Literal

__all__ = ["Gender", "gender_of"]

Gender = Literal["female", "male"]

_FEMALE = frozenset(
    """
    abigail ada adriana agnes aisha alexandra alice alicia alison amanda amber amelia amina
    amy ana angela angelica anita ann anna anne annette antonia audrey barbara beatrice
    bella bernadette beth betty beverly bianca brenda bridget brittany camilla carla carmen
    carol caroline carolyn catherine cecilia charlotte chiara chloe christina christine
    claire clara claudia colleen cristina cynthia daniela danielle deborah debra denise
    diana diane dianne donna doris dorothy eleanor elena elisa elisabeth elizabeth ella
    ellen elsa emily emma erica erin esther eva eve evelyn fatima fiona florence frances
    francesca gabriela gabrielle gail gemma georgia gillian gina giulia gloria grace gwen
    hannah harriet heather heidi helen helena holly ingrid irene iris isabel isabella
    jacqueline jane janet janice jasmine jennifer jessica jill joan joanna johanna josephine
    joyce judith judy julia julie juliet karen karin kate katherine kathleen kathryn katie
    katja kimberly kristen laura lauren leila lena lily linda lisa lorraine louise lucia
    lucy lydia madeleine madison magdalena margaret margarita maria marianne marie marina
    marion marta martha mary maud megan melanie melissa mia michelle miriam molly monica
    nadia nancy naomi natalia natalie natasha nicole nina nora olga olivia pamela patricia
    paula pauline penelope petra phoebe priya rachel rebecca regina renate rita roberta rosa
    rosalind rose ruth sabine sabrina samantha sandra sara sarah sharon sheila silvia sofia
    sonia sophia sophie stephanie susan susanne suzanne sylvia tamara tanja teresa theresa
    tina ursula valentina valerie vanessa vera veronica victoria virginia wendy yvonne zoe
    """.split()
)
_MALE = frozenset(
    """
    aaron abdul adam adrian ahmed alan albert alberto alejandro alexander alexei alfred ali
    andre andreas andrew andy angelo anthony antonio arnold arthur barry ben benjamin
    bernard bill bob boris brandon brian bruce bruno carl carlos charles christian
    christopher colin craig daniel david dennis derek diego dmitry dmytro dominic donald
    douglas dylan eduardo edward elias emmanuel enrique eric ernest ethan eugene fabian
    felix fernando francis francisco frank franz fred frederick gabriel gareth gary gavin
    george gerald gerhard giovanni giuseppe gordon graham gregory guy hans harold harry
    heinrich henry herbert howard hugh hugo ian ibrahim igor isaac ivan jack jacob jake
    james jason jeffrey jeremy jerome jesse joe johannes john jonathan jorge jose joseph
    joshua juan julian justin karl keith kenneth kevin klaus kurt larry lars lawrence leo
    leon leonard liam louis lucas luis luke marc marco marcus mario mark martin matthew
    matthias max michael miguel mikhail mohammed muhammad nathan neil nicholas nick nigel
    noah norman oliver omar oscar owen pablo patrick paul pedro peter philip pierre rafael
    ralph randy raymond richard rick robert roberto roger ronald ross roy russell ryan
    samuel scott sean sebastian sergei sergey simon stanley stefan stephen steve steven
    stuart terry thomas tim timothy tobias todd tom tony travis trevor victor vincent
    vladimir walter wayne william wolfgang yuri
    """.split()
)


def gender_of(name: str) -> Gender | None:
    """The gender a person's first name suggests, when it is a common one given to one."""
    first = name.split()[0].casefold() if name.split() else ""
    if first in _FEMALE:
        return "female"
    if first in _MALE:
        return "male"
    return None
