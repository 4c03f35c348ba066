# mode: script. From the seed document 000_870f5e49ba97476d.txt, lines 39-47: its code, unchanged.
class NewStyle(object):
  __slots__ = ('line1', 'line2', 'apartment', 'city', 'state', 'zipcode')
  def __init__(self, line1, line2, apartment, city, state, zipcode):
    self.line1 = line1
    self.line2 = line2
    self.apartment = apartment
    self.city = city
    self.state = state
    self.zipcode = zipcode
