package org.vansdk.testkit.population;

import java.time.LocalDate;
import org.vansdk.core.casualty.AffectedRelation;
import org.vansdk.core.casualty.Relationship;
import org.vansdk.core.code.YesNoUnknown;
import org.vansdk.core.id.CasualtyId;
import org.vansdk.core.id.ExternalIdentifier;
import org.vansdk.core.id.PersonId;
import org.vansdk.core.person.DisplacementStatus;
import org.vansdk.core.person.Person;
import org.vansdk.core.person.Sex;
import org.vansdk.core.time.DatePrecision;
import org.vansdk.core.time.PartialDate;
import org.vansdk.testkit.profile.Attribute;
import org.vansdk.testkit.profile.Level1Area;
import org.vansdk.testkit.profile.NameParts;
import org.vansdk.testkit.profile.Shares;
import org.vansdk.testkit.random.Prng;

/**
 * Emits persons: each casualty's person (age, birth date, name, identifiers) and the indirect
 * victims of a casualty with their affected relations. Owns the person sequence. Not thread-safe.
 */
final class PersonEmitter {
  private final Generation g;
  private final Provider registrar;
  private long personSeq;

  PersonEmitter(Generation g, Directory directory) {
    this.g = g;
    this.registrar = directory.reporter();
  }

  /** Draws a casualty's age at the incident from the child or adult age bands. */
  int age(Prng r, int year, boolean child) {
    if (g.edge > 0 && r.chance(g.edge)) {
      return child ? r.pick(0, 1, 17) : r.pick(18, 19, 99, 120);
    }
    Attribute a = child ? Attribute.CHILD_AGE : Attribute.ADULT_AGE;
    String band = g.draw(r, a, year, null);
    int dash = band.indexOf('-');
    return r.between(
        Integer.parseInt(band.substring(0, dash)), Integer.parseInt(band.substring(dash + 1)));
  }

  /**
   * Returns a birth date that makes the person exactly {@code age} on the incident day and is
   * certainly before the incident, or null when that needs a precision the draw did not give.
   */
  PartialDate birthDate(Prng r, long incidentDay, int age, boolean incidentFullDate) {
    LocalDate incident = LocalDate.ofEpochDay(incidentDay);
    LocalDate latestBirth = incident.minusYears(age);
    LocalDate earliestBirth = incident.minusYears(age + 1L).plusDays(1);
    long birthDay = r.between(earliestBirth.toEpochDay(), latestBirth.toEpochDay());
    if (birthDay >= incidentDay) {
      birthDay = incidentDay - 1;
    }
    if (age == 0) {
      return incidentFullDate ? PartialDate.from(LocalDate.ofEpochDay(birthDay)) : null;
    }
    return g.partial(r, birthDay, 0.3, 0.1);
  }

  /**
   * Emits the person of a casualty; name, birth date and household role only when the person is
   * known (their Landmine Monitor group is not unknown).
   *
   * @param birth the birth date, null when not known
   * @return the person's id
   */
  PersonId survivor(
      Prng r, Sex sex, boolean known, boolean child, PartialDate birth, Level1Area province) {
    PersonId personId = PersonId.parse(g.id(registrar, "P", ++personSeq));
    Person.Builder person =
        Person.builder()
            .id(personId)
            .sex(sex)
            .nationality(g.country)
            .residence(g.residence(province))
            .addLanguages(g.lang);
    if (known) {
      person.name(name(r, sex));
      person.birthDate(birth);
      if (birth.precision() != DatePrecision.DAY) {
        person.birthDateEstimated(true);
      }
      if (!child) {
        person.householdHead(
            r.chance(g.care.householdHeadAmongAdults()) ? YesNoUnknown.YES : YesNoUnknown.NO);
      }
    }
    if (r.chance(0.3)) {
      person.addIdentifiers(
          ExternalIdentifier.of(
              g.iso3.equals("KHM") ? "cmvis" : "imsma",
              g.iso3 + "-" + Long.toString(personSeq * 7919L % 9_999_991L, 36)));
    }
    person.displacementStatus(
        DisplacementStatus.fromCode(
            g.care.displacementStatus().code(g.care.displacementStatus().pick(r.nextDouble()))));
    g.emit(person.build());
    return personId;
  }

  /**
   * Emits the indirect victims of a casualty (family members) and their relations to it.
   *
   * @param age the casualty's age at the incident, null when not known
   */
  void indirectVictims(Prng r, CasualtyId casualty, Integer age, long day, Level1Area province) {
    Shares s = g.care.indirectVictimsPerCasualty();
    int n = Integer.parseInt(s.code(s.pick(r.nextDouble())));
    for (int i = 0; i < n; i++) {
      Relationship rel = r.pick(Relationship.values());
      int baseAge = age == null ? 30 : age;
      int relAge;
      switch (rel) {
        case CHILD:
          relAge = Math.max(0, baseAge - r.between(18, 35));
          break;
        case PARENT:
          relAge = Math.min(100, baseAge + r.between(18, 35));
          break;
        default:
          relAge = Math.max(0, Math.min(100, baseAge + r.between(-10, 10)));
      }
      // Born by the anchor date; a child may be born after the incident.
      int birthYear =
          Math.min(LocalDate.ofEpochDay(day).getYear() - relAge, g.spec.anchorDate().getYear());
      PersonId id = PersonId.parse(g.id(registrar, "P", ++personSeq));
      Sex relSex = r.pick(Sex.MALE, Sex.FEMALE);
      g.emit(
          Person.builder()
              .id(id)
              .sex(relSex)
              .name(name(r, relSex))
              .birthDate(PartialDate.ofYear(birthYear))
              .birthDateEstimated(true)
              .nationality(g.country)
              .residence(g.residence(province))
              .addLanguages(g.lang)
              .build());
      g.emit(
          AffectedRelation.builder().personId(id).casualtyId(casualty).relationship(rel).build());
    }
  }

  private String name(Prng r, Sex sex) {
    NameParts n = g.profile.names();
    String given = r.pick(sex == Sex.FEMALE ? n.givenFemale() : n.givenMale());
    if (n.family().isEmpty()) {
      return given;
    }
    String family = r.pick(n.family());
    return n.familyNameFirst() ? family + " " + given : given + " " + family;
  }
}
